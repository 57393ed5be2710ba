// The room's page, live: the countdown ticks, and when the server says the
// segment, the room or the group's cards changed, the parts that changed are
// fetched again. Text being typed is never replaced.
"use strict";

function tick() {
  const countdown = document.getElementById("countdown");
  if (!countdown) return;
  const skew = Number(countdown.dataset.now) - (window.samlaLoaded || Date.now());
  const seconds = Math.round((Number(countdown.dataset.ends) - (Date.now() + skew)) / 1000);
  countdown.textContent = seconds >= 0
    ? Math.ceil(seconds / 60) + " " + countdown.dataset.left
    : Math.floor(-seconds / 60) + " " + countdown.dataset.over;
}

function typing() {
  const text = document.getElementById("text");
  return text !== null && text.value.trim() !== "";
}

async function refresh() {
  const response = await fetch(location.href, { credentials: "same-origin" });
  if (!response.ok) return;
  const fresh = new DOMParser().parseFromString(await response.text(), "text/html");
  const live = document.getElementById("live");
  const freshLive = fresh.getElementById("live");
  if (!live || !freshLive) { location.reload(); return; }
  const stageChanged = live.dataset.stage !== freshLive.dataset.stage;
  live.replaceWith(document.adoptNode(freshLive));
  window.samlaLoaded = Date.now();
  const write = document.getElementById("write");
  const freshWrite = fresh.getElementById("write");
  if (stageChanged && write && freshWrite && !typing()) {
    write.replaceWith(document.adoptNode(freshWrite));
  }
  tick();
}

document.addEventListener("DOMContentLoaded", function () {
  window.samlaLoaded = Date.now();
  tick();
  setInterval(tick, 1000);
  const events = document.body.dataset.events;
  if (events && window.EventSource) {
    const source = new EventSource(events);
    source.onmessage = function () { refresh().catch(function () {}); };
  }
});
