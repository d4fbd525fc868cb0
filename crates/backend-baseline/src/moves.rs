//! Parallel moves between jitframe slots: writing a `jump`'s arguments into the label's
//! slots, or an exit's values into slots `0..k`, where destinations may be sources of
//! other moves. [`sequentialize`] orders them, breaking cycles through one temporary.

/// Where a moved word comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Src {
    /// A jitframe slot.
    Slot(u32),
    /// A constant word.
    Const(u64),
    /// The temporary (a register), holding a slot saved to break a cycle.
    Temp,
}

/// One step of a sequentialized parallel move.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Step {
    /// `slot[dst] = src`.
    Copy {
        /// The destination slot.
        dst: u32,
        /// The source.
        src: Src,
    },
    /// `temp = slot[slot]`.
    Save(u32),
}

/// Orders the parallel move `dst_i = src_i` (all sources read before any destination is
/// written) into steps that each read and write one word. Destinations must be distinct;
/// sources never start as [`Src::Temp`].
pub(crate) fn sequentialize(moves: &[(u32, Src)]) -> Vec<Step> {
    let mut pending: Vec<(u32, Src)> = moves
        .iter()
        .copied()
        .filter(|&(dst, src)| src != Src::Slot(dst))
        .collect();
    let mut steps = Vec::with_capacity(pending.len() + 1);
    while !pending.is_empty() {
        let read_elsewhere =
            |i: usize, p: &[(u32, Src)]| p.iter().any(|&(_, src)| src == Src::Slot(p[i].0));
        match (0..pending.len()).find(|&i| !read_elsewhere(i, &pending)) {
            Some(i) => {
                let (dst, src) = pending.remove(i);
                steps.push(Step::Copy { dst, src });
            }
            None => {
                // Every pending destination is still read: they form cycles. Save one
                // destination's old value and let its readers take it from the temp.
                // The cycle then unwinds completely before the temp is needed again.
                let saved = pending[0].0;
                steps.push(Step::Save(saved));
                for (_, src) in pending.iter_mut() {
                    if *src == Src::Slot(saved) {
                        *src = Src::Temp;
                    }
                }
            }
        }
    }
    steps
}

#[cfg(test)]
mod tests {
    use super::*;
    use pyrs_jit_ir::testing::Rng;

    /// Runs `steps` on `frame` and returns the result.
    fn run(steps: &[Step], mut frame: Vec<u64>) -> Vec<u64> {
        let mut temp = None;
        for &s in steps {
            match s {
                Step::Save(slot) => temp = Some(frame[slot as usize]),
                Step::Copy { dst, src } => {
                    frame[dst as usize] = match src {
                        Src::Slot(s) => frame[s as usize],
                        Src::Const(c) => c,
                        Src::Temp => temp.expect("temp read before it was saved"),
                    }
                }
            }
        }
        frame
    }

    fn check(moves: &[(u32, Src)], frame: Vec<u64>) {
        let mut want = frame.clone();
        for &(dst, src) in moves {
            want[dst as usize] = match src {
                Src::Slot(s) => frame[s as usize],
                Src::Const(c) => c,
                Src::Temp => unreachable!(),
            };
        }
        assert_eq!(run(&sequentialize(moves), frame), want, "{moves:?}");
    }

    #[test]
    fn swaps_rotations_and_identities() {
        let frame: Vec<u64> = (100..108).collect();
        check(&[(0, Src::Slot(1)), (1, Src::Slot(0))], frame.clone());
        check(
            &[(0, Src::Slot(1)), (1, Src::Slot(2)), (2, Src::Slot(0))],
            frame.clone(),
        );
        check(&[(3, Src::Slot(3)), (4, Src::Const(9))], frame.clone());
        let steps = sequentialize(&[(3, Src::Slot(3))]);
        assert!(steps.is_empty());
    }

    #[test]
    fn random_parallel_moves() {
        let mut rng = Rng::new(11);
        for _ in 0..2000 {
            let n = 1 + rng.below(10) as u32;
            let frame: Vec<u64> = (0..n as u64).map(|i| 1000 + i).collect();
            let mut dsts: Vec<u32> = (0..n).collect();
            for i in (1..dsts.len()).rev() {
                let j = rng.below(i as u64 + 1) as usize;
                dsts.swap(i, j);
            }
            let k = rng.below(n as u64 + 1) as usize;
            let moves: Vec<(u32, Src)> = dsts[..k]
                .iter()
                .map(|&d| {
                    let src = if rng.chance(15) {
                        Src::Const(rng.next_u64())
                    } else {
                        Src::Slot(rng.below(n as u64) as u32)
                    };
                    (d, src)
                })
                .collect();
            check(&moves, frame);
        }
    }
}
