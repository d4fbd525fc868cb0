//! Tuning from the environment: `PYRS_GC_*`, with PyPy's `PYPY_GC_*` names as aliases.

/// GC tuning parameters.
#[derive(Clone, Debug, PartialEq)]
pub struct GcConfig {
    /// Bytes allocated between collections at least (`PYRS_GC_NURSERY`, `PYRS_GC_MIN`).
    pub min_budget: usize,
    /// After a collection, the next one comes after `max(min_budget, live * growth)` more
    /// bytes (`PYRS_GC_GROWTH`).
    pub growth: f64,
    /// Live bytes above this make the safepoint raise `MemoryError` (`PYRS_GC_MAX`; 0 = none).
    pub max_heap: usize,
    /// Collect at every safepoint and poison what was moved out of (`PYRS_GC_STRESS=1`).
    pub stress: bool,
    /// Print one line per collection to stderr (`PYRS_GC_DEBUG=1`).
    pub debug: bool,
}

impl Default for GcConfig {
    fn default() -> Self {
        GcConfig {
            // Every collection copies the whole live heap, but a small heap copies fast: a
            // budget about the size of a cache keeps the memory of small programs small and
            // what is allocated still warm; large heaps get `live * growth`.
            min_budget: 4 << 20,
            growth: 1.5,
            max_heap: 0,
            stress: false,
            debug: false,
        }
    }
}

/// Parses a size such as `32MB`, `512k`, `1GB` or a plain byte count.
pub fn parse_size(text: &str) -> Option<usize> {
    let t = text.trim().to_ascii_lowercase();
    let t = t.strip_suffix('b').unwrap_or(&t);
    let (num, mult) = match t.chars().last()? {
        'k' => (&t[..t.len() - 1], 1usize << 10),
        'm' => (&t[..t.len() - 1], 1 << 20),
        'g' => (&t[..t.len() - 1], 1 << 30),
        _ => (t, 1),
    };
    let n: f64 = num.trim().parse().ok()?;
    if !(n >= 0.0) {
        return None;
    }
    Some((n * mult as f64) as usize)
}

fn env(name: &str) -> Option<String> {
    std::env::var(format!("PYRS_GC_{name}"))
        .or_else(|_| std::env::var(format!("PYPY_GC_{name}")))
        .ok()
}

impl GcConfig {
    /// The defaults overridden by the environment; malformed values are ignored.
    pub fn from_env() -> GcConfig {
        let mut c = GcConfig::default();
        if let Some(n) = env("NURSERY")
            .or_else(|| env("MIN"))
            .and_then(|s| parse_size(&s))
        {
            c.min_budget = n.max(64 << 10);
        }
        if let Some(g) = env("GROWTH").and_then(|s| s.trim().parse::<f64>().ok()) {
            if g.is_finite() && g > 0.0 {
                c.growth = g;
            }
        }
        if let Some(m) = env("MAX").and_then(|s| parse_size(&s)) {
            c.max_heap = m;
        }
        c.stress = env("STRESS").is_some_and(|s| s.trim() == "1");
        c.debug = env("DEBUG").is_some_and(|s| s.trim() != "0" && !s.trim().is_empty());
        c
    }
}

#[cfg(test)]
mod tests {
    use super::parse_size;

    #[test]
    fn sizes_with_suffixes() {
        assert_eq!(parse_size("32MB"), Some(32 << 20));
        assert_eq!(parse_size("512k"), Some(512 << 10));
        assert_eq!(parse_size("1GB"), Some(1 << 30));
        assert_eq!(parse_size("1000"), Some(1000));
        assert_eq!(parse_size("x"), None);
        assert_eq!(parse_size("-3m"), None);
    }
}
