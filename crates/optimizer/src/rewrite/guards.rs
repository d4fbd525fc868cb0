//! Guards in `rewrite`: strengthening (`guard_true(int_is_true(x))` guards `x`), removal
//! of guards that always pass, and the facts a guard establishes for the ops after it.

use pyrs_jit_ir::{Const, Op, OpArgs, OpRef, Opcode};

use super::algebra::is_flag;
use super::Run;
use crate::rebuild::REMOVED;

impl Run<'_> {
    /// Handles a `guard_true/false/value/nonnull/isnull/class`.
    pub(super) fn guard(&mut self, op: &Op) -> OpRef {
        let args = self.args(op);
        let (opcode, strong) = self.strengthen(op.opcode, args.clone());
        let passes = self.always_passes(opcode, &strong);
        let r = if passes {
            REMOVED
        } else {
            let facts = &self.facts;
            self.rb
                .push_with(op, opcode, strong.clone(), |r| facts.resolve(r))
        };
        // Only after the guard: its own snapshot describes the state where it failed.
        self.learn(op.opcode, &args);
        if opcode != op.opcode || strong != args {
            self.learn(opcode, &strong);
        }
        r
    }

    /// `guard_true/false` of `int_is_true(x)` / `int_is_zero(x)` guard `x` directly.
    fn strengthen(&self, mut opcode: Opcode, mut args: OpArgs) -> (Opcode, OpArgs) {
        use Opcode::*;
        while matches!(opcode, GuardTrue | GuardFalse) {
            match self.rb.def_op(args[0]) {
                Some(def) if def.opcode == IntIsTrue => args[0] = def.args[0],
                Some(def) if def.opcode == IntIsZero => {
                    args[0] = def.args[0];
                    opcode = if opcode == GuardTrue {
                        GuardFalse
                    } else {
                        GuardTrue
                    };
                }
                _ => break,
            }
        }
        (opcode, args)
    }

    /// Whether guard `opcode(args)` cannot fail here.
    fn always_passes(&self, opcode: Opcode, args: &[OpRef]) -> bool {
        use Opcode::*;
        let x = args[0];
        let word = self.rb.konst(x).map(|c| c.bits);
        match opcode {
            GuardTrue => word.map_or(self.facts.nonzero(x), |w| w != 0),
            GuardFalse | GuardIsnull => word == Some(0),
            GuardNonnull => word.map_or(self.facts.nonnull(x), |w| w != 0),
            GuardValue => word.is_some() && word == self.rb.konst(args[1]).map(|c| c.bits),
            GuardClass => {
                let class = self.rb.konst(args[1]).map(|c| c.bits);
                class.is_some() && self.facts.class(x) == class
            }
            _ => false,
        }
    }

    /// Records what guard `opcode(args)` establishes once it has passed.
    fn learn(&mut self, opcode: Opcode, args: &[OpRef]) {
        use Opcode::*;
        let x = args[0];
        if x.is_const() {
            return;
        }
        match opcode {
            GuardTrue if is_flag(&self.rb, x) => {
                let one = self.rb.intern(Const::int(1));
                self.facts.set_known(x, one);
            }
            GuardTrue => self.facts.set_nonzero(x),
            GuardFalse => {
                let zero = self.rb.intern(Const::int(0));
                self.facts.set_known(x, zero);
            }
            GuardValue => self.facts.set_known(x, args[1]),
            GuardNonnull => self.facts.set_nonnull(x),
            GuardIsnull => {
                let null = self.rb.intern(Const::ptr(0));
                self.facts.set_known(x, null);
            }
            GuardClass => {
                if let Some(c) = self.rb.konst(args[1]) {
                    self.facts.set_class(x, c.bits);
                }
                self.facts.set_nonnull(x);
            }
            _ => {}
        }
    }
}
