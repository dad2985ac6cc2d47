//! One resident's turn at the kiosk, and its end: after a while without a touch, a warning with a
//! countdown (WCAG 2.2.1: at least 20 s, one tap to continue), then everything is wiped and the
//! welcome screen returns. Time comes in as milliseconds of a clock that only goes forward
//! (`performance.now()`); a clock that jumps back anyway restarts the wait rather than freezing it.

use super::settings::KioskSettings;

/// Where the kiosk is in a resident's turn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KioskState {
    /// The welcome screen: nobody's data on it.
    Attract,
    /// Someone is using the kiosk; they last touched it at `last_touch_ms`.
    InUse { last_touch_ms: u64 },
    /// "Vous êtes toujours là ?": unless someone touches the screen, everything is wiped at
    /// `ends_at_ms`.
    Warning { ends_at_ms: u64 },
    /// The turn is over. The app clears every trace of it (forms, drafts, answers, focus,
    /// scroll, history), then calls [`KioskSession::wiped`]. Touches are ignored until then, so
    /// that a new resident never lands in what is left of the previous one's screens.
    Wiped,
}

/// What a call changed, for the app to act on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    Nothing,
    /// A resident started a turn.
    Started,
    /// Show the warning and its countdown.
    Warned,
    /// The resident tapped during the warning: hide it, carry on.
    Continued,
    /// Clear everything now, then call [`KioskSession::wiped`].
    Wipe,
}

/// What the screen shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Attract,
    InUse,
    /// The countdown, in whole seconds, rounded up so it never shows 0 while time is left.
    Warning {
        remaining_s: u32,
    },
    Wiped,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KioskSession {
    idle_ms: u64,
    warning_ms: u64,
    state: KioskState,
}

impl KioskSession {
    pub fn new(settings: &KioskSettings) -> KioskSession {
        KioskSession {
            idle_ms: settings.idle_ms(),
            warning_ms: settings.warning_ms(),
            state: KioskState::Attract,
        }
    }

    pub fn state(&self) -> KioskState {
        self.state
    }

    /// Any touch, key press or tap on "Continuer".
    pub fn touch(&mut self, now_ms: u64) -> Change {
        let (state, change) = match self.state {
            KioskState::Attract => (
                KioskState::InUse {
                    last_touch_ms: now_ms,
                },
                Change::Started,
            ),
            KioskState::InUse { .. } => (
                KioskState::InUse {
                    last_touch_ms: now_ms,
                },
                Change::Nothing,
            ),
            KioskState::Warning { .. } => (
                KioskState::InUse {
                    last_touch_ms: now_ms,
                },
                Change::Continued,
            ),
            KioskState::Wiped => (KioskState::Wiped, Change::Nothing),
        };
        self.state = state;
        change
    }

    /// The passing of time: call it every second or so, and when the page becomes visible again.
    pub fn tick(&mut self, now_ms: u64) -> Change {
        match self.state {
            KioskState::InUse { last_touch_ms } if now_ms < last_touch_ms => {
                // The clock went back: count the wait again from now, never from the future.
                self.state = KioskState::InUse {
                    last_touch_ms: now_ms,
                };
                Change::Nothing
            }
            KioskState::InUse { last_touch_ms } => {
                let idle = now_ms - last_touch_ms;
                if idle >= self.idle_ms + self.warning_ms {
                    // The tablet slept through the whole warning: nobody was there to see it.
                    self.state = KioskState::Wiped;
                    Change::Wipe
                } else if idle >= self.idle_ms {
                    // The countdown starts when it is shown, so a late tick never shortens it.
                    self.state = KioskState::Warning {
                        ends_at_ms: now_ms + self.warning_ms,
                    };
                    Change::Warned
                } else {
                    Change::Nothing
                }
            }
            KioskState::Warning { ends_at_ms } if now_ms >= ends_at_ms => {
                self.state = KioskState::Wiped;
                Change::Wipe
            }
            KioskState::Warning { ends_at_ms } if ends_at_ms - now_ms > self.warning_ms => {
                self.state = KioskState::Warning {
                    ends_at_ms: now_ms + self.warning_ms,
                };
                Change::Nothing
            }
            KioskState::Attract | KioskState::Warning { .. } | KioskState::Wiped => Change::Nothing,
        }
    }

    /// "J'ai fini", or the end of a sign-up: wipe now rather than wait.
    pub fn finish(&mut self) -> Change {
        match self.state {
            KioskState::Attract | KioskState::Wiped => Change::Nothing,
            KioskState::InUse { .. } | KioskState::Warning { .. } => {
                self.state = KioskState::Wiped;
                Change::Wipe
            }
        }
    }

    /// The app has cleared everything: back to the welcome screen.
    pub fn wiped(&mut self) {
        if self.state == KioskState::Wiped {
            self.state = KioskState::Attract;
        }
    }

    pub fn screen(&self, now_ms: u64) -> Screen {
        match self.state {
            KioskState::Attract => Screen::Attract,
            KioskState::InUse { .. } => Screen::InUse,
            KioskState::Warning { ends_at_ms } => Screen::Warning {
                remaining_s: u32::try_from(ends_at_ms.saturating_sub(now_ms).div_ceil(1000))
                    .unwrap_or(u32::MAX),
            },
            KioskState::Wiped => Screen::Wiped,
        }
    }

    /// When the next [`KioskSession::tick`] can change something, for the app's timer.
    pub fn next_deadline_ms(&self) -> Option<u64> {
        match self.state {
            KioskState::InUse { last_touch_ms } => Some(last_touch_ms + self.idle_ms),
            KioskState::Warning { ends_at_ms } => Some(ends_at_ms),
            KioskState::Attract | KioskState::Wiped => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const T0: u64 = 10_000_000;

    fn session() -> KioskSession {
        KioskSession::new(&KioskSettings::default())
    }

    #[test]
    fn a_turn_goes_from_welcome_to_warning_to_wipe_and_back() {
        let mut s = session();
        assert_eq!(s.tick(T0), Change::Nothing);
        assert_eq!(s.screen(T0), Screen::Attract);
        assert_eq!(s.touch(T0), Change::Started);
        assert_eq!(s.tick(T0 + 59_999), Change::Nothing);
        assert_eq!(s.next_deadline_ms(), Some(T0 + 60_000));
        assert_eq!(s.tick(T0 + 60_000), Change::Warned);
        assert_eq!(s.screen(T0 + 60_000), Screen::Warning { remaining_s: 30 });
        assert_eq!(s.screen(T0 + 60_001), Screen::Warning { remaining_s: 30 });
        assert_eq!(s.screen(T0 + 89_001), Screen::Warning { remaining_s: 1 });
        assert_eq!(s.tick(T0 + 89_999), Change::Nothing);
        assert_eq!(s.tick(T0 + 90_000), Change::Wipe);
        assert_eq!(s.screen(T0 + 90_000), Screen::Wiped);
        assert_eq!(
            s.touch(T0 + 90_001),
            Change::Nothing,
            "not before the wipe is done"
        );
        s.wiped();
        assert_eq!(s.state(), KioskState::Attract);
        assert_eq!(s.touch(T0 + 95_000), Change::Started);
    }

    #[test]
    fn one_tap_during_the_warning_continues() {
        let mut s = session();
        s.touch(T0);
        s.tick(T0 + 61_000);
        assert_eq!(s.touch(T0 + 75_000), Change::Continued);
        assert_eq!(
            s.state(),
            KioskState::InUse {
                last_touch_ms: T0 + 75_000
            }
        );
        assert_eq!(s.tick(T0 + 100_000), Change::Nothing, "a fresh minute");
        // As many times as needed (WCAG asks for at least ten).
        let mut now = T0 + 75_000;
        for _ in 0..12 {
            now += 60_000;
            assert_eq!(s.tick(now), Change::Warned);
            now += 25_000;
            assert_eq!(s.touch(now), Change::Continued);
        }
    }

    #[test]
    fn a_late_tick_never_shortens_the_warning_and_a_sleep_wipes_at_once() {
        let mut s = session();
        s.touch(T0);
        assert_eq!(s.tick(T0 + 80_000), Change::Warned);
        assert_eq!(s.screen(T0 + 80_000), Screen::Warning { remaining_s: 30 });
        let mut slept = session();
        slept.touch(T0);
        assert_eq!(slept.tick(T0 + 90_000), Change::Wipe);
    }

    #[test]
    fn finishing_wipes_at_once() {
        let mut s = session();
        assert_eq!(
            s.finish(),
            Change::Nothing,
            "nothing to wipe on the welcome screen"
        );
        s.touch(T0);
        assert_eq!(s.finish(), Change::Wipe);
        assert_eq!(s.finish(), Change::Nothing);
    }

    #[test]
    fn a_clock_going_back_restarts_the_wait_instead_of_freezing_it() {
        let mut s = session();
        s.touch(T0);
        assert_eq!(s.tick(T0 - 3_600_000), Change::Nothing);
        assert_eq!(s.tick(T0 - 3_600_000 + 60_000), Change::Warned);
        let mut w = session();
        w.touch(T0);
        w.tick(T0 + 60_000);
        w.tick(T0 - 10_000);
        assert_eq!(w.screen(T0 - 10_000), Screen::Warning { remaining_s: 30 });
        assert_eq!(w.tick(T0 + 20_000), Change::Wipe);
    }

    #[test]
    fn settings_change_the_timings_within_bounds() {
        let settings = KioskSettings {
            idle_s: 30,
            warning_s: 5,
            ..KioskSettings::default()
        };
        let mut s = KioskSession::new(&settings);
        s.touch(0);
        assert_eq!(s.tick(30_000), Change::Warned);
        assert_eq!(
            s.screen(30_000),
            Screen::Warning { remaining_s: 20 },
            "never under 20 s"
        );
    }

    proptest! {
        /// Ticked every second at most, whatever the touches, a turn ends within idle + warning
        /// (+ two ticks) of its last touch, and the countdown never shows more than the warning.
        #[test]
        fn no_turn_outlives_its_last_touch(
            steps in prop::collection::vec((prop::bool::weighted(0.005), 0u64..=1_000), 1..600),
        ) {
            let mut s = session();
            let mut now = T0;
            let mut last_touch = None;
            for (is_touch, gap) in steps {
                now += gap;
                if is_touch {
                    s.touch(now);
                }
                if s.tick(now) == Change::Wipe {
                    s.wiped();
                }
                match s.state() {
                    KioskState::InUse { last_touch_ms } => last_touch = Some(last_touch_ms),
                    KioskState::Attract => last_touch = None,
                    KioskState::Warning { .. } | KioskState::Wiped => {}
                }
                if let Some(t) = last_touch {
                    prop_assert!(now - t <= 90_000 + 2_000, "{:?} at {}", s.state(), now - t);
                }
                if let Screen::Warning { remaining_s } = s.screen(now) {
                    prop_assert!(remaining_s <= 30);
                }
            }
        }
    }
}
