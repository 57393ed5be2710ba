//! The devices that joined the room: each has an unguessable token (its
//! cookie), known here by its hash, and a number the session knows it by.
//! Also the limits: wrong codes per address, posts per device, devices per
//! room.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::time::{Duration, Instant};

use subtle::ConstantTimeEq;

use super::book::{DeviceBook, form_check, token_hash};
use super::secret;

/// Most devices a room takes at once: a seminar is forty people, a big day a
/// few hundred.
pub const MAX_DEVICES: usize = 500;
/// Most devices one address may have in the room at once, by default: a
/// phone and a laptop or two; a venue that puts everyone behind one address
/// asks for more (`--devices-per-address`).
pub const DEVICES_PER_ADDRESS: usize = 4;
/// A device not heard from for this long gives its place back: it stays
/// known (its cookie, its cards and answers are its own), but no longer
/// counts against its address or the room.
pub const IDLE_AFTER: Duration = Duration::from_secs(15 * 60);
/// Most cards (and edits) a device sends in a minute.
pub const POSTS_PER_MINUTE: usize = 30;
/// Most wrong codes an address may try in a minute.
pub const WRONG_CODES_PER_MINUTE: usize = 5;
/// Most wrong codes the whole room takes in a minute, from every address
/// together: at this rate the expected time to guess a code of 32⁶ is
/// about seventeen years.
pub const WRONG_CODES_PER_MINUTE_IN_ALL: usize = 60;
/// Most addresses whose wrong codes are remembered. Past it, an address
/// is remembered only once an older one's minute has run out: a blocked
/// address is never forgotten to make room.
const REMEMBERED_ADDRESSES: usize = 4096;

const MINUTE: Duration = Duration::from_secs(60);

/// One device in the room.
#[derive(Debug, Clone)]
pub struct Device {
    /// What the session calls it.
    pub number: u32,
    /// When it sent its latest posts, for the limit.
    posts: VecDeque<Instant>,
    /// Where it joined from and when it was last heard from, while it holds
    /// a place; `None` for a device the room knew before a restart until it
    /// is heard from again.
    place: Option<(IpAddr, Instant)>,
}

/// A device let in, not yet written down in the session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Joining {
    /// Its cookie, given once the session keeps the device.
    pub token: String,
    /// Its number.
    pub number: u32,
    /// Its token's hash, as the session keeps it.
    pub token_hash: String,
}

/// Why a device could not join.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JoinRefusal {
    /// The code is not the room's.
    WrongCode,
    /// The address tried too many wrong codes in the last minute.
    TooManyAttempts,
    /// The room holds [`MAX_DEVICES`].
    Full,
    /// The address has as many devices in the room as it may.
    AddressFull,
}

/// Every device of a run, kept while the room closes and opens again.
#[derive(Debug)]
pub struct Devices {
    code: String,
    by_hash: HashMap<String, Device>,
    next_number: u32,
    per_address: usize,
    wrong_codes: HashMap<IpAddr, VecDeque<Instant>>,
    /// Every wrong code of the last minute, from any address.
    wrong_in_all: VecDeque<Instant>,
}

impl Devices {
    /// The devices of `book`, for a room with join code `code`; a new device
    /// gets a number past the book's and past `first_number`, so numbers
    /// stay unique across restarts.
    pub fn new(code: String, book: &DeviceBook, first_number: u32, per_address: usize) -> Self {
        let by_hash = book
            .devices
            .iter()
            .map(|known| {
                let device = Device {
                    number: known.number,
                    posts: VecDeque::new(),
                    place: None,
                };
                (known.token_hash.clone(), device)
            })
            .collect();
        Self {
            code,
            by_hash,
            next_number: book.next_number.max(first_number),
            per_address,
            wrong_codes: HashMap::new(),
            wrong_in_all: VecDeque::new(),
        }
    }

    /// The room's join code.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// A new join code, for one that was photographed and shared: devices
    /// that joined stay joined.
    pub fn set_code(&mut self, code: String) {
        self.code = code;
    }

    /// Lets a device at `address` in with `typed` as the code, at `now`;
    /// its new token.
    pub fn join(
        &mut self,
        address: IpAddr,
        typed: &str,
        now: Instant,
    ) -> Result<Joining, JoinRefusal> {
        forget_before(&mut self.wrong_in_all, now);
        let blocked = self.wrong_codes.get_mut(&address).is_some_and(|tries| {
            forget_before(tries, now);
            tries.len() >= WRONG_CODES_PER_MINUTE
        });
        // Past the room's budget nobody new is let in for the rest of the
        // minute, so that no amount of addresses buys more guesses.
        if blocked || self.wrong_in_all.len() >= WRONG_CODES_PER_MINUTE_IN_ALL {
            return Err(JoinRefusal::TooManyAttempts);
        }
        let typed = secret::normalized_code(typed);
        if !bool::from(typed.as_bytes().ct_eq(self.code.as_bytes())) {
            self.wrong_in_all.push_back(now);
            self.remember_wrong(address, now);
            return Err(JoinRefusal::WrongCode);
        }
        let (mut in_room, mut from_here) = (0, 0);
        for (from, _) in self.by_hash.values().filter_map(|device| device.place) {
            in_room += 1;
            from_here += usize::from(from == address);
        }
        if in_room >= MAX_DEVICES {
            return Err(JoinRefusal::Full);
        }
        if from_here >= self.per_address {
            return Err(JoinRefusal::AddressFull);
        }
        let token = secret::token().map_err(|_| JoinRefusal::Full)?;
        let number = self.next_number;
        let device = Device {
            number,
            posts: VecDeque::new(),
            place: Some((address, now)),
        };
        self.next_number += 1;
        let token_hash = token_hash(&token);
        self.by_hash.insert(token_hash.clone(), device);
        Ok(Joining {
            token,
            number,
            token_hash,
        })
    }

    /// The device with `token`, if it joined.
    pub fn device(&self, token: &str) -> Option<&Device> {
        self.by_hash.get(&token_hash(token))
    }

    /// The device with `token`, heard from at `address` at `now`: it holds
    /// its place; and every device not heard from for [`IDLE_AFTER`] gives
    /// its place back.
    pub fn heard_from(&mut self, token: &str, address: IpAddr, now: Instant) -> Option<u32> {
        for device in self.by_hash.values_mut() {
            if device
                .place
                .is_some_and(|(_, seen)| now.duration_since(seen) >= IDLE_AFTER)
            {
                device.place = None;
            }
        }
        let device = self.by_hash.get_mut(&token_hash(token))?;
        device.place = Some((address, now));
        Some(device.number)
    }

    /// Whether the device with `token` may post once more at `now`; counts
    /// the post if so. An address's posts are bounded with it: it has at
    /// most its share of devices in the room, each with its own minute's posts.
    pub fn take_post(&mut self, token: &str, now: Instant) -> bool {
        let Some(device) = self.by_hash.get_mut(&token_hash(token)) else {
            return false;
        };
        forget_before(&mut device.posts, now);
        if device.posts.len() >= POSTS_PER_MINUTE {
            return false;
        }
        device.posts.push_back(now);
        true
    }

    /// Counts a wrong code against `address`. The table stays small: when
    /// it is full, addresses whose minute has run out make room; an address
    /// it has no room for is held back by the room's budget alone.
    fn remember_wrong(&mut self, address: IpAddr, now: Instant) {
        if !self.wrong_codes.contains_key(&address)
            && self.wrong_codes.len() >= REMEMBERED_ADDRESSES
        {
            self.wrong_codes.retain(|_, tries| {
                forget_before(tries, now);
                !tries.is_empty()
            });
            if self.wrong_codes.len() >= REMEMBERED_ADDRESSES {
                return;
            }
        }
        self.wrong_codes.entry(address).or_default().push_back(now);
    }
}

/// Whether `given` is the form check of the device with `token`.
pub fn checks(token: &str, given: &str) -> bool {
    bool::from(given.as_bytes().ct_eq(form_check(token).as_bytes()))
}

/// Drops the times in `times` older than a minute before `now`.
fn forget_before(times: &mut VecDeque<Instant>, now: Instant) {
    while times
        .front()
        .is_some_and(|time| now.duration_since(*time) >= MINUTE)
    {
        times.pop_front();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A room with code K7M2QX, numbering from `first`, that lets any
    /// number of devices in from one address.
    fn room(first: u32) -> Devices {
        Devices::new("K7M2QX".into(), &DeviceBook::default(), first, MAX_DEVICES)
    }

    fn address(last: u8) -> IpAddr {
        IpAddr::from([192, 168, 1, last])
    }

    #[test]
    fn the_right_code_in_any_case_lets_a_device_in_with_its_own_number() {
        let mut devices = room(4);
        let now = Instant::now();
        let first = devices.join(address(2), "k7m2qx", now).unwrap();
        let second = devices.join(address(3), "K7M 2QX", now).unwrap();
        assert_ne!(first.token, second.token);
        assert_eq!(devices.device(&first.token).unwrap().number, 4);
        assert_eq!(devices.device(&second.token).unwrap().number, 5);
        assert!(devices.device("not a token").is_none());
    }

    #[test]
    fn wrong_codes_are_limited_per_address_for_a_minute() {
        let mut devices = room(0);
        let start = Instant::now();
        for _ in 0..WRONG_CODES_PER_MINUTE {
            assert_eq!(
                devices.join(address(2), "AAAAAA", start),
                Err(JoinRefusal::WrongCode)
            );
        }
        // Even the right code waits, so guessing gains nothing.
        assert_eq!(
            devices.join(address(2), "K7M2QX", start),
            Err(JoinRefusal::TooManyAttempts)
        );
        // Another address is not held back.
        assert!(devices.join(address(3), "K7M2QX", start).is_ok());
        let later = start + MINUTE;
        assert!(devices.join(address(2), "K7M2QX", later).is_ok());
    }

    fn address_number(number: u32) -> IpAddr {
        IpAddr::from(number.to_be_bytes().map(|byte| byte.max(1)))
    }

    #[test]
    fn guessing_from_thousands_of_addresses_buys_no_more_than_the_rooms_budget() {
        let mut devices = room(0);
        let start = Instant::now();
        // Held back at the door: the first address is blocked for its minute.
        for _ in 0..WRONG_CODES_PER_MINUTE {
            let _ = devices.join(address(2), "AAAAAA", start);
        }
        let mut wrong = WRONG_CODES_PER_MINUTE;
        let mut held_back = 0;
        for number in 0..5000 {
            match devices.join(address_number(10_000 + number), "AAAAAA", start) {
                Err(JoinRefusal::WrongCode) => wrong += 1,
                Err(JoinRefusal::TooManyAttempts) => held_back += 1,
                other => panic!("{other:?}"),
            }
        }
        assert_eq!(
            wrong, WRONG_CODES_PER_MINUTE_IN_ALL,
            "no more guesses in a minute"
        );
        assert_eq!(
            held_back,
            5000 + WRONG_CODES_PER_MINUTE - WRONG_CODES_PER_MINUTE_IN_ALL
        );
        assert!(devices.wrong_codes.len() <= REMEMBERED_ADDRESSES);
        // A minute later the room takes guesses again, but the blocked
        // address was never forgotten to make room while it was blocked.
        let later = start + MINUTE;
        assert!(devices.join(address(3), "K7M2QX", later).is_ok());
    }

    #[test]
    fn a_full_table_never_forgets_a_blocked_address() {
        let mut devices = room(0);
        let start = Instant::now();
        for _ in 0..WRONG_CODES_PER_MINUTE {
            let _ = devices.join(address(2), "AAAAAA", start);
        }
        // Other addresses fill the table over time, each under the budget.
        for number in 0..(REMEMBERED_ADDRESSES as u32 + 100) {
            let at = start + Duration::from_millis(u64::from(number));
            devices.wrong_in_all.clear();
            let _ = devices.join(address_number(20_000 + number), "AAAAAA", at);
        }
        assert!(devices.wrong_codes.len() <= REMEMBERED_ADDRESSES);
        let soon = start + Duration::from_secs(30);
        devices.wrong_in_all.clear();
        assert_eq!(
            devices.join(address(2), "K7M2QX", soon),
            Err(JoinRefusal::TooManyAttempts),
            "still blocked"
        );
    }

    #[test]
    fn a_device_posts_at_most_thirty_times_a_minute() {
        let mut devices = room(0);
        let start = Instant::now();
        let token = devices.join(address(2), "K7M2QX", start).unwrap().token;
        for _ in 0..POSTS_PER_MINUTE {
            assert!(devices.take_post(&token, start));
        }
        assert!(!devices.take_post(&token, start));
        assert!(devices.take_post(&token, start + MINUTE));
        assert!(!devices.take_post("unknown", start));
    }

    #[test]
    fn the_room_takes_at_most_500_devices() {
        let mut devices = room(0);
        let now = Instant::now();
        for _ in 0..MAX_DEVICES {
            devices.join(address(2), "K7M2QX", now).unwrap();
        }
        assert_eq!(
            devices.join(address(2), "K7M2QX", now),
            Err(JoinRefusal::Full)
        );
    }

    #[test]
    fn a_form_check_is_the_devices_own() {
        let mut devices = room(0);
        let now = Instant::now();
        let one = devices.join(address(2), "K7M2QX", now).unwrap().token;
        let other = devices.join(address(2), "K7M2QX", now).unwrap().token;
        assert!(checks(&one, &form_check(&one)));
        assert!(!checks(&one, &form_check(&other)));
        assert!(!checks(&one, ""));
    }

    #[test]
    fn the_book_lets_its_devices_back_in_and_numbers_go_on_past_it() {
        let mut book = DeviceBook::default();
        let token = "ab".repeat(32);
        book.add(7, token_hash(&token));
        let mut devices = Devices::new("K7M2QX".into(), &book, 3, MAX_DEVICES);
        assert_eq!(devices.device(&token).map(|device| device.number), Some(7));
        let new = devices.join(address(2), "K7M2QX", Instant::now()).unwrap();
        assert_eq!(new.number, 8, "never a number an earlier device had");
    }

    #[test]
    fn an_address_has_four_devices_in_the_room_until_one_is_idle() {
        let mut devices = Devices::new(
            "K7M2QX".into(),
            &DeviceBook::default(),
            0,
            DEVICES_PER_ADDRESS,
        );
        let start = Instant::now();
        let joined: Vec<Joining> = (0..DEVICES_PER_ADDRESS)
            .map(|_| devices.join(address(2), "K7M2QX", start).unwrap())
            .collect();
        assert_eq!(
            devices.join(address(2), "K7M2QX", start),
            Err(JoinRefusal::AddressFull)
        );
        assert!(
            devices.join(address(3), "K7M2QX", start).is_ok(),
            "another address"
        );
        // Three keep being heard from; the fourth goes quiet and gives its
        // place back, though it stays known by its cookie.
        let later = start + IDLE_AFTER;
        for device in &joined[..3] {
            devices.heard_from(&device.token, address(2), later - Duration::from_secs(1));
        }
        devices.heard_from(&joined[0].token, address(2), later);
        assert!(devices.join(address(2), "K7M2QX", later).is_ok());
        assert_eq!(
            devices.heard_from(&joined[3].token, address(2), later),
            Some(joined[3].number),
            "still its own number"
        );
    }
}
