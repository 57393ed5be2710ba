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

// Whether the visitor has begun a form that a swap would throw away: text
// in a card, or a choice made in the survey.
function typing() {
  const text = document.getElementById("text");
  return window.samlaChosen === true || (text !== null && text.value.trim() !== "");
}

document.addEventListener("change", function (event) {
  if (event.target.type === "radio") window.samlaChosen = true;
});

// Writing beside "Annat, ange vad" chooses it, as the server takes it.
document.addEventListener("input", function (event) {
  const option = event.target.dataset && event.target.dataset.option;
  if (!option || event.target.value.trim() === "") return;
  const box = document.getElementById(option);
  if (box) box.checked = true;
  window.samlaChosen = true;
});

// Replaces the element `id` with the one in `fresh`; true if it was there.
function swap(fresh, id) {
  const here = document.getElementById(id);
  const there = fresh.getElementById(id);
  if (!here || !there) return false;
  here.replaceWith(document.adoptNode(there));
  return true;
}

async function refresh() {
  const response = await fetch(location.href, { credentials: "same-origin" });
  if (!response.ok) throw new Error("refresh: " + response.status);
  const fresh = new DOMParser().parseFromString(await response.text(), "text/html");
  const stage = document.getElementById("segment");
  const freshStage = fresh.getElementById("segment");
  if (!stage || !freshStage) { location.reload(); return; }
  const stageChanged = stage.dataset.stage !== freshStage.dataset.stage;
  swap(fresh, "segment");
  swap(fresh, "cards");
  if (stageChanged && !typing()) swap(fresh, "write");
  window.samlaLoaded = Date.now();
  tick();
}

// A refresh that failed (a moment without network) is tried again, a
// little later each time, until one goes through; news of a change (or of
// the network back) tries at once.
let retrying = null;
function refreshSoon(delay) {
  if (retrying !== null) clearTimeout(retrying);
  retrying = setTimeout(function () {
    retrying = null;
    // Half a second after a first failure, doubling to eight at most.
    refresh().catch(function () { refreshSoon(Math.min(Math.max(delay * 2, 500), 8000)); });
  }, delay);
}

document.addEventListener("DOMContentLoaded", function () {
  window.samlaLoaded = Date.now();
  tick();
  setInterval(tick, 1000);
  const events = document.body.dataset.events;
  if (events && window.EventSource) {
    const source = new EventSource(events);
    let lost = false;
    source.onmessage = function () { refreshSoon(0); };
    source.onerror = function () { lost = true; };
    // Back after a moment offline: what changed meanwhile was never told.
    source.onopen = function () {
      if (lost) { lost = false; refreshSoon(0); }
    };
    window.addEventListener("online", function () { refreshSoon(0); });
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "visible") refreshSoon(0);
    });
  }
});
