//! The room's server: its own thread with a small tokio runtime, so the run
//! screen's loop stays as it is. It listens only while the room is open: a
//! closed room still answers for a short while (so that live pages learn it
//! closed, and a post gets a friendly page), then the port closes.

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use axum::Router;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::sync::{Semaphore, oneshot, watch};
use tower::ServiceExt;

use super::Door;
use super::devices::Devices;
use super::lobby::Lobby;
use super::router;
use super::routes::{SendToLoop, Shared};
use super::snapshot::Snapshot;

/// The port tried first, so the address stays the same from one seminar to
/// the next; any free port when it is taken.
const PREFERRED_PORT: u16 = 8765;
/// Connections the system queues for the room before it accepts them.
const LISTEN_QUEUE: u32 = 1024;
/// Most connections at once; more wait to be accepted.
const MAX_CONNECTIONS: usize = 1024;
/// Most connections one address may hold at once: a venue that puts a few
/// hundred phones behind one address still fits, and one client cannot take
/// more than half of [`MAX_CONNECTIONS`], so the rest of the room is answered.
const CONNECTIONS_PER_ADDRESS: usize = 512;
/// Connections kept free for new arrivals: below this many, each new
/// connection sheds the oldest that no joined device has used.
const FREE_CONNECTIONS: usize = 64;
/// How long the accept loop rests when the system has no file descriptors
/// left (EMFILE, ENFILE), rather than trying again at once.
const NO_DESCRIPTORS_REST: Duration = Duration::from_millis(100);
/// Most bytes a request's headers may take: a phone's are under 2 KB.
const HEADER_LIMIT: usize = 16 * 1024;

/// The policy of every page: nothing but the room's own files, no inline
/// script or style, no frames, forms only to the room.
const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
     img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// Where the room listens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoomConfig {
    /// The address to listen on; every interface unless narrowed.
    pub bind: IpAddr,
    /// The port; `None` picks one, `Some(0)` any free one.
    pub port: Option<u16>,
    /// How many devices may join from one address.
    pub devices_per_address: usize,
    /// How long the room waits for clients, for the loop and after closing.
    pub time_limits: TimeLimits,
}

impl Default for RoomConfig {
    fn default() -> Self {
        Self {
            bind: IpAddr::V4(Ipv4Addr::UNSPECIFIED),
            port: None,
            devices_per_address: super::devices::DEVICES_PER_ADDRESS,
            time_limits: TimeLimits::default(),
        }
    }
}

/// How long the room waits, each a setting so that a test of a time limit
/// takes a fraction of a second rather than the limit a room needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeLimits {
    /// How long a client may take to send a request's headers.
    pub headers: Duration,
    /// How long a request may take, body included, before it is dropped.
    pub request: Duration,
    /// How long the loop may take to answer before the page says so. The
    /// loop answers a change once it is on disk, and a refusing disk at once.
    pub reply: Duration,
    /// How long a closed room goes on answering before its port closes.
    pub closing_grace: Duration,
}

impl Default for TimeLimits {
    fn default() -> Self {
        Self {
            headers: Duration::from_secs(10),
            request: Duration::from_secs(10),
            reply: Duration::from_secs(8),
            closing_grace: Duration::from_secs(10),
        }
    }
}

impl TimeLimits {
    /// `limit` for clients' requests and after closing; the screen's
    /// answer keeps its own.
    pub fn for_clients(limit: Duration) -> Self {
        Self {
            headers: limit,
            request: limit,
            closing_grace: limit,
            ..Self::default()
        }
    }
}

/// A running room server; dropping it stops the server.
pub struct OpenRoom {
    /// Where participants reach it.
    pub door: Door,
    /// The socket it listens on.
    pub address: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl OpenRoom {
    /// Whether the server still listens (a closed room stops after its grace).
    pub fn is_running(&self) -> bool {
        self.thread
            .as_ref()
            .is_some_and(|thread| !thread.is_finished())
    }
}

impl Drop for OpenRoom {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Opens the room: listens as `config` says and serves the pages of what
/// `snapshots` holds, sending what devices ask into the loop with `send`.
pub fn open(
    config: RoomConfig,
    devices: Arc<Mutex<Devices>>,
    snapshots: watch::Receiver<Arc<Snapshot>>,
    send: SendToLoop,
) -> std::io::Result<OpenRoom> {
    // Each phone is a connection or two: a soft limit of 256 (macOS) or
    // 1,024 is raised to what the system allows, where it allows it.
    #[cfg(unix)]
    let _ = rlimit::increase_nofile_limit(u64::MAX);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .enable_time()
        .build()?;
    let listener = {
        let _inside = runtime.enter();
        bind(config)?
    };
    let address = listener.local_addr()?;
    let code = devices.lock().map_or_else(
        |poisoned| poisoned.into_inner().code().to_owned(),
        |d| d.code().to_owned(),
    );
    let door = Door {
        url: door_url(config.bind, address.port()),
        code,
    };
    let shared = Shared {
        devices,
        snapshots: snapshots.clone(),
        send,
        streams: Arc::default(),
        lobby: Arc::default(),
        reply_limit: config.time_limits.reply,
    };
    let lobby = Arc::clone(&shared.lobby);
    let (stop, stopped) = oneshot::channel();
    let thread = std::thread::Builder::new()
        .name("samla-room".into())
        .spawn(move || {
            let router = router::router(shared);
            let limits = config.time_limits;
            runtime.block_on(serve(listener, router, snapshots, stopped, lobby, limits));
        })?;
    Ok(OpenRoom {
        door,
        address,
        stop: Some(stop),
        thread: Some(thread),
    })
}

/// The address phones use for a room bound to `bind` on `port`.
fn door_url(bind: IpAddr, port: u16) -> String {
    url_at(shown_ip(bind), port)
}

fn url_at(ip: IpAddr, port: u16) -> String {
    format!("http://{}", SocketAddr::new(ip, port))
}

/// Where a room opened with a configuration would listen, as found by
/// listening there and letting go at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trial {
    /// The address phones would use.
    pub url: String,
    /// The port it got.
    pub port: u16,
    /// False when the usual port was taken and another was chosen.
    pub usual: bool,
    /// Whether phones could share a network with it: the address shown is
    /// no loopback address.
    pub on_network: bool,
    /// The room's address on the laptop's other networks, where it listens
    /// on every interface: phones on one of those use it instead.
    pub other_urls: Vec<String>,
}

/// Listens as [`open`] would with `config`, and lets go: whether the room can
/// open, and where phones would find it.
pub fn try_listening(config: RoomConfig) -> std::io::Result<Trial> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .build()?;
    let _inside = runtime.enter();
    let port = bind(config)?.local_addr()?.port();
    let shown = shown_ip(config.bind);
    let other_urls = if config.bind.is_unspecified() {
        lan_addresses()
            .into_iter()
            .map(IpAddr::V4)
            .filter(|ip| *ip != shown)
            .map(|ip| url_at(ip, port))
            .collect()
    } else {
        Vec::new()
    };
    Ok(Trial {
        url: door_url(config.bind, port),
        port,
        usual: config.port.is_some() || port == PREFERRED_PORT,
        on_network: !shown.is_loopback(),
        other_urls,
    })
}

fn bind(config: RoomConfig) -> std::io::Result<tokio::net::TcpListener> {
    match config.port {
        Some(port) => listen(SocketAddr::new(config.bind, port)),
        None => listen(SocketAddr::new(config.bind, PREFERRED_PORT))
            .or_else(|_| listen(SocketAddr::new(config.bind, 0))),
    }
}

/// Listens at `address` with room in the queue for a whole room arriving at
/// once: the system's default of 128 drops the rest of a burst, and each
/// phone dropped waits a second or more to try again.
fn listen(address: SocketAddr) -> std::io::Result<tokio::net::TcpListener> {
    let socket = match address {
        SocketAddr::V4(_) => tokio::net::TcpSocket::new_v4()?,
        SocketAddr::V6(_) => tokio::net::TcpSocket::new_v6()?,
    };
    // As the standard library's listener does on Unix: a port in TIME_WAIT
    // from the room's last opening may be taken again.
    #[cfg(unix)]
    socket.set_reuseaddr(true)?;
    socket.bind(address)?;
    socket.listen(LISTEN_QUEUE)
}

/// The address to show for a server bound to `bind`: the laptop's address on
/// the local network when it listens everywhere.
fn shown_ip(bind: IpAddr) -> IpAddr {
    if bind.is_unspecified() {
        lan_address().unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST))
    } else {
        bind
    }
}

/// The laptop's IPv4 address on a local network (Wi-Fi, cable or its own
/// hotspot), the private ranges first.
pub fn lan_address() -> Option<IpAddr> {
    lan_addresses().first().map(|ip| IpAddr::V4(*ip))
}

/// Every IPv4 address the laptop has on a network phones could share, the
/// private ranges first (each network it is on has one).
fn lan_addresses() -> Vec<Ipv4Addr> {
    let Ok(interfaces) = local_ip_address::list_afinet_netifas() else {
        return Vec::new();
    };
    let mut candidates: Vec<Ipv4Addr> = interfaces
        .into_iter()
        .filter_map(|(_, ip)| match ip {
            IpAddr::V4(ip) if !ip.is_loopback() && !ip.is_link_local() => Some(ip),
            _ => None,
        })
        .collect();
    // Stable: among the private ones, and among the rest, the system's order.
    candidates.sort_by_key(|ip| !ip.is_private());
    candidates.dedup();
    candidates
}

async fn serve(
    listener: tokio::net::TcpListener,
    router: Router,
    snapshots: watch::Receiver<Arc<Snapshot>>,
    stopped: oneshot::Receiver<()>,
    lobby: Arc<Lobby>,
    limits: TimeLimits,
) {
    let router = router
        .layer(middleware::from_fn_with_state(limits.request, time_limit))
        .layer(middleware::map_response(with_safety_headers));
    let connections = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    let per_address = Arc::new(Mutex::new(HashMap::<IpAddr, usize>::new()));
    let closing = closed_for(snapshots, limits.closing_grace);
    tokio::pin!(stopped, closing);
    loop {
        // Stopping and closing win over everything a client holds: they are
        // looked at while the loop waits for a free connection too.
        let next = async {
            let permit = Arc::clone(&connections).acquire_owned().await;
            (permit, listener.accept().await)
        };
        let (permit, accepted) = tokio::select! {
            _ = &mut stopped => return,
            () = &mut closing => return,
            next = next => next,
        };
        let Ok(permit) = permit else {
            return;
        };
        let (stream, from) = match accepted {
            Ok(accepted) => accepted,
            Err(error) if out_of_descriptors(&error) => {
                // An idle connection's descriptor is the one to give back:
                // its task closes it as soon as it runs. With none to shed,
                // only time mends it.
                if lobby.shed_oldest() {
                    tokio::task::yield_now().await;
                } else {
                    tokio::time::sleep(NO_DESCRIPTORS_REST).await;
                }
                continue;
            }
            Err(_) => continue,
        };
        let Some(held) = AddressShare::take(&per_address, from.ip()) else {
            // Over its share: the connection closes unanswered.
            continue;
        };
        // Running short of connections, one comes in and the oldest that no
        // device uses goes out, so some are always free for an honest phone.
        if connections.available_permits() < FREE_CONNECTIONS {
            lobby.shed_oldest();
        }
        let (id, shed) = lobby.enter();
        let router = router.clone();
        let lobby = Arc::clone(&lobby);
        tokio::spawn(async move {
            let service =
                router.map_request(move |mut request: hyper::Request<hyper::body::Incoming>| {
                    request.extensions_mut().insert(ConnectInfo(from));
                    request.extensions_mut().insert(id);
                    request
                });
            let connection = hyper::server::conn::http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(limits.headers)
                .max_buf_size(HEADER_LIMIT)
                .serve_connection(TokioIo::new(stream), TowerToHyperService::new(service));
            // Leaving the lobby drops the sender, which is no shed.
            tokio::select! {
                _ = connection => {}
                Ok(()) = shed => {}
            }
            lobby.leave(id);
            drop((permit, held));
        });
    }
}

/// Whether accepting failed because the process or the system has no file
/// descriptors left, which only time (a connection closing) mends.
fn out_of_descriptors(error: &std::io::Error) -> bool {
    #[cfg(unix)]
    {
        matches!(error.raw_os_error(), Some(libc::EMFILE | libc::ENFILE))
    }
    #[cfg(not(unix))]
    {
        // WSAEMFILE: Windows' "too many open sockets".
        error.raw_os_error() == Some(10024)
    }
}

/// One connection counted against its address's share, given back when dropped.
struct AddressShare {
    shares: Arc<Mutex<HashMap<IpAddr, usize>>>,
    address: IpAddr,
}

impl AddressShare {
    /// A share for `address`, unless it holds [`CONNECTIONS_PER_ADDRESS`].
    fn take(shares: &Arc<Mutex<HashMap<IpAddr, usize>>>, address: IpAddr) -> Option<Self> {
        let mut held = shares
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let count = held.entry(address).or_default();
        if *count >= CONNECTIONS_PER_ADDRESS {
            return None;
        }
        *count += 1;
        Some(Self {
            shares: Arc::clone(shares),
            address,
        })
    }
}

impl Drop for AddressShare {
    fn drop(&mut self) {
        let mut held = self
            .shares
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(count) = held.get_mut(&self.address) {
            *count -= 1;
            if *count == 0 {
                held.remove(&self.address);
            }
        }
    }
}

/// Returns once the room has been closed for `grace` without opening again,
/// or the loop is gone.
async fn closed_for(mut snapshots: watch::Receiver<Arc<Snapshot>>, grace: Duration) {
    loop {
        while snapshots.borrow_and_update().open {
            if snapshots.changed().await.is_err() {
                return;
            }
        }
        let reopened = async {
            loop {
                if snapshots.changed().await.is_err() {
                    return false;
                }
                if snapshots.borrow_and_update().open {
                    return true;
                }
            }
        };
        tokio::select! {
            () = tokio::time::sleep(grace) => return,
            reopened = reopened => if !reopened { return },
        }
    }
}

/// Ends a request that takes too long (a client sending its body a byte at a
/// time); the live events are the one response that lasts.
async fn time_limit(State(limit): State<Duration>, request: Request, next: Next) -> Response {
    if request.uri().path() == "/events" {
        return next.run(request).await;
    }
    match tokio::time::timeout(limit, next.run(request)).await {
        Ok(response) => response,
        Err(_) => StatusCode::REQUEST_TIMEOUT.into_response(),
    }
}

async fn with_safety_headers(mut response: Response) -> Response {
    let headers = response.headers_mut();
    let set = [
        (header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::CACHE_CONTROL, "no-store"),
    ];
    for (name, value) in set {
        headers.insert(name, HeaderValue::from_static(value));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn on_loopback(port: u16) -> RoomConfig {
        RoomConfig {
            bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: Some(port),
            ..RoomConfig::default()
        }
    }

    #[test]
    fn a_trial_on_loopback_is_on_no_network_and_names_no_other_address() {
        let trial = try_listening(on_loopback(0)).expect("loopback listens");
        assert!(trial.url.starts_with("http://127.0.0.1:"), "{}", trial.url);
        assert_ne!(trial.port, 0);
        assert!(trial.usual, "the port asked for is the usual one");
        assert!(!trial.on_network);
        assert!(trial.other_urls.is_empty());
    }

    #[test]
    fn a_trial_of_a_taken_port_says_so() {
        let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("a port");
        let port = taken.local_addr().expect("its address").port();
        let refused = try_listening(on_loopback(port)).expect_err("the port is taken");
        assert_eq!(refused.kind(), std::io::ErrorKind::AddrInUse);
    }
}
