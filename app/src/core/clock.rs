//! The one clock. Production reads the system's; a test moves its own
//! clock forward instead of sleeping (each test app has its own, so tests
//! running side by side never see each other's time).

use std::sync::{
    atomic::{AtomicI64, Ordering},
    Arc,
};

#[derive(Clone, Debug, Default)]
pub struct Clock {
    /// Milliseconds added to the system's time; `None` for the real clock.
    offset: Option<Arc<AtomicI64>>,
}

impl Clock {
    pub fn system() -> Clock {
        Clock::default()
    }

    /// A clock that runs with the system's but can be moved forward.
    pub fn adjustable() -> Clock {
        Clock {
            offset: Some(Arc::new(AtomicI64::new(0))),
        }
    }

    /// Now: milliseconds since the Unix epoch, UTC.
    pub fn now_ms(&self) -> i64 {
        system_ms()
            + self
                .offset
                .as_ref()
                .map_or(0, |o| o.load(Ordering::Relaxed))
    }

    /// Moves an adjustable clock forward by `ms`; the real clock ignores it.
    pub fn advance(&self, ms: i64) {
        if let Some(offset) = &self.offset {
            offset.fetch_add(ms, Ordering::Relaxed);
        }
    }

    /// Sets an adjustable clock so that it reads `at_ms` now.
    pub fn set(&self, at_ms: i64) {
        if let Some(offset) = &self.offset {
            offset.store(at_ms - system_ms(), Ordering::Relaxed);
        }
    }

    /// Gives an adjustable clock the system's time again.
    pub fn reset(&self) {
        if let Some(offset) = &self.offset {
            offset.store(0, Ordering::Relaxed);
        }
    }

    pub fn is_adjustable(&self) -> bool {
        self.offset.is_some()
    }
}

fn system_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_adjustable_clock_moves_forward_and_the_system_clock_does_not() {
        let clock = Clock::adjustable();
        let before = clock.now_ms();
        clock.advance(86_400_000);
        assert!(clock.now_ms() - before >= 86_400_000);
        clock.set(1_000);
        assert!((clock.now_ms() - 1_000).abs() < 1_000);
        clock.reset();
        assert!((clock.now_ms() - system_ms()).abs() < 1_000);
        let real = Clock::system();
        let t = real.now_ms();
        real.advance(86_400_000);
        assert!(real.now_ms() - t < 86_400_000);
    }
}
