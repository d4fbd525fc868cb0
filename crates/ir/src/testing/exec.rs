//! [`random_trace`]: random loops that [`interpret`](crate::interpret) (and every backend)
//! can run: int and float arithmetic, overflow and other guards, calls to test helpers,
//! allocation and memory ops on fresh objects.

use super::gen::Gen;
use super::Rng;
use crate::descr::{ArrayDescr, CallDescr, Descr, Effects, FieldDescr, SizeDescr};
use crate::ids::{DescrId, TraceId};
use crate::opcode::Opcode;
use crate::trace::{Trace, TraceKind};
use crate::types::{OpRef, Type};

static NEVER_INVALIDATED: u64 = 0;

/// Size of the objects random traces allocate; fields at 8, 16 and 24.
const OBJECT_SIZE: u32 = 32;
/// The class word random traces store at offset 8 (the test environment's class offset).
const CLASS_WORD: i64 = 0x1230;

extern "C" fn mix3(a: u64, b: u64, c: u64) -> u64 {
    a.wrapping_mul(31) ^ b.rotate_left(7) ^ c
}

extern "C" fn fmadd(a: u64, b: u64, c: u64) -> u64 {
    (f64::from_bits(a) * f64::from_bits(b) + f64::from_bits(c)).to_bits()
}

extern "C" fn sum6(a: u64, b: u64, c: u64, d: u64, e: u64, f: u64) -> u64 {
    a.wrapping_add(b)
        .wrapping_add(c)
        .wrapping_add(d)
        .wrapping_add(e)
        .wrapping_add(f)
}

extern "C" fn answer() -> u64 {
    42
}

/// A random loop that verifies and runs. Input 0 is an `Int` iteration counter: the loop
/// decrements it and leaves through a guard when it reaches 0; other inputs are ints,
/// floats and refs (refs are compared, never dereferenced). Memory ops only touch objects
/// the trace allocates itself, so any environment whose `alloc` works can run it.
pub fn random_trace(seed: u64) -> Trace {
    let mut g = Gen::new(seed, TraceId((seed % 1000) as u32), TraceKind::Loop);
    let counter = g.input(Type::Int);
    for _ in 0..1 + g.rng.below(4) {
        g.input(Type::Int);
    }
    for _ in 0..g.rng.below(4) {
        g.input(Type::Float);
    }
    for _ in 0..g.rng.below(2) {
        g.input(Type::Ref);
    }
    let inputs = g.b.trace().input_refs();
    g.b.op(Opcode::Label, &inputs, None);
    let mut ex = Exec::new(g);
    for _ in 0..3 + ex.g.rng.below(25) {
        ex.step();
    }
    let g = &mut ex.g;
    let one = g.b.const_int(1);
    let zero = g.b.const_int(0);
    let next = g.emit(Opcode::IntSub, &[counter, one], None);
    let more = g.emit(Opcode::IntGt, &[next, zero], None);
    g.guard(Opcode::GuardTrue, &[more], false);
    let mut carried = vec![next];
    for r in &inputs[1..] {
        let v = g.value(r.ty()).unwrap_or(*r);
        carried.push(v);
    }
    g.b.op(Opcode::Jump, &carried, None);
    ex.g.b.finish()
}

/// Inputs for a [`random_trace`]: the counter (input 0) in `1..=20`, other ints from small
/// to extreme, finite floats, and non-null aligned ref words.
pub fn random_inputs(trace: &Trace, seed: u64) -> Vec<u64> {
    let mut rng = Rng::new(seed ^ 0x5eed);
    trace
        .inputs
        .iter()
        .enumerate()
        .map(|(k, ty)| match ty {
            Type::Int if k == 0 => rng.range(1, 20) as u64,
            Type::Int => match rng.below(4) {
                0 => rng.next_u64(),
                1 => *rng.pick(&[i64::MIN, i64::MAX, i64::MAX - 1, i64::MIN + 1]) as u64,
                _ => rng.range(-100, 100) as u64,
            },
            Type::Float => (rng.range(-1_000_000, 1_000_000) as f64 / 100.0).to_bits(),
            _ => (1 + rng.below(1 << 40)) * 8,
        })
        .collect()
}

struct Exec {
    g: Gen,
    /// Objects allocated so far with `new`, and arrays with their length.
    objects: Vec<OpRef>,
    arrays: Vec<(OpRef, i64)>,
    object: Option<DescrId>,
    fields: Vec<DescrId>,
    array: Option<DescrId>,
}

impl Exec {
    fn new(g: Gen) -> Exec {
        Exec {
            g,
            objects: Vec::new(),
            arrays: Vec::new(),
            object: None,
            fields: Vec::new(),
            array: None,
        }
    }

    fn step(&mut self) {
        use Opcode::*;
        let g = &mut self.g;
        let int2 = [
            IntAdd, IntSub, IntMul, IntAnd, IntOr, IntXor, IntLshift, IntRshift, UintRshift, IntLt,
            IntLe, IntEq, IntNe, IntGt, IntGe, UintLt, UintGe,
        ];
        let float2 = [FloatAdd, FloatSub, FloatMul, FloatTruediv];
        let fcmp = [FloatLt, FloatLe, FloatEq, FloatNe, FloatGt, FloatGe];
        match g.rng.below(100) {
            0..=29 => {
                let op = *g.rng.pick(&int2);
                let (a, b) = (g.operand(Type::Int), g.operand(Type::Int));
                g.emit(op, &[a, b], None);
            }
            30..=37 => {
                let op = *g
                    .rng
                    .pick(&[IntNeg, IntInvert, IntIsTrue, IntIsZero, SameAsI]);
                let a = g.operand(Type::Int);
                g.emit(op, &[a], None);
            }
            38..=45 => {
                let op = *g.rng.pick(&[IntAddOvf, IntSubOvf, IntMulOvf]);
                let (a, b) = (g.operand(Type::Int), g.operand(Type::Int));
                g.emit(op, &[a, b], None);
                let guard = if g.rng.chance(10) {
                    GuardOverflow
                } else {
                    GuardNoOverflow
                };
                g.guard(guard, &[], true);
            }
            46..=49 => {
                let op = *g.rng.pick(&[IntFloordiv, IntMod]);
                let a = g.operand(Type::Int);
                let b = g.b.const_int(*g.rng.pick(&[2, 3, 7, -5, 100]));
                g.emit(op, &[a, b], None);
            }
            50..=59 => {
                let op = *g.rng.pick(&float2);
                let (a, b) = (g.operand(Type::Float), g.operand(Type::Float));
                g.emit(op, &[a, b], None);
            }
            60..=65 => {
                let op = *g.rng.pick(&[FloatNeg, FloatAbs, FloatSqrt, SameAsF]);
                let a = g.operand(Type::Float);
                g.emit(op, &[a], None);
            }
            66..=69 => {
                let op = *g.rng.pick(&fcmp);
                let (a, b) = (g.operand(Type::Float), g.operand(Type::Float));
                g.emit(op, &[a, b], None);
            }
            70..=72 => {
                let a = g.operand(Type::Int);
                g.emit(CastIntToFloat, &[a], None);
            }
            73..=74 => {
                let f = g.operand(Type::Float);
                let (hi, lo) = (g.b.const_float(9.2e18), g.b.const_float(-9.2e18));
                let below = g.emit(FloatLt, &[f, hi], None);
                g.guard(GuardTrue, &[below], false);
                let above = g.emit(FloatGt, &[f, lo], None);
                g.guard(GuardTrue, &[above], false);
                g.emit(CastFloatToInt, &[f], None);
            }
            75..=78 => {
                let i = g.operand(Type::Int);
                match g.rng.below(10) {
                    0 => {
                        let c = g.konst(Type::Int);
                        g.guard(GuardValue, &[i, c], true);
                    }
                    1..=5 => g.guard(GuardTrue, &[i], true),
                    _ => g.guard(GuardFalse, &[i], true),
                }
            }
            79..=82 => self.refs(),
            83..=87 => self.call(),
            88..=95 => self.memory(),
            96 => {
                let (code, pc) = (g.konst(Type::Int), g.konst(Type::Int));
                g.emit(DebugMergePoint, &[code, pc], None);
            }
            97 => {
                let flag = g.b.const_int(&NEVER_INVALIDATED as *const u64 as i64);
                g.guard(GuardNotInvalidated, &[flag], false);
            }
            _ => {
                let a = g.operand(Type::Float);
                let b = g.operand(Type::Float);
                let op = *g.rng.pick(&fcmp);
                let c = g.emit(op, &[a, b], None);
                g.guard(GuardFalse, &[c], false);
            }
        }
    }

    fn refs(&mut self) {
        use Opcode::*;
        let g = &mut self.g;
        let Some(p) = g.value(Type::Ref) else {
            let i = g.operand(Type::Int);
            g.emit(IntIsZero, &[i], None);
            return;
        };
        match g.rng.below(6) {
            0 => {
                let q = g.operand(Type::Ref);
                let op = *g.rng.pick(&[PtrEq, PtrNe]);
                g.emit(op, &[p, q], None);
            }
            1 => {
                g.emit(SameAsR, &[p], None);
            }
            2 => {
                let i = g.emit(CastPtrToInt, &[p], None);
                g.emit(CastIntToPtr, &[i], None);
            }
            3 => g.guard(GuardNonnull, &[p], true),
            4 => g.guard(GuardIsnull, &[p], false),
            _ => {
                let c = g.konst(Type::Ref);
                g.guard(GuardValue, &[p, c], false);
            }
        }
    }

    fn call(&mut self) {
        let g = &mut self.g;
        let descr = |g: &mut Gen, name: &str, args: Vec<Type>, result: Type| {
            let effects = Effects {
                pure: g.rng.chance(50),
                ..Effects::NONE
            };
            g.b.add_descr(Descr::Call(CallDescr {
                name: name.into(),
                args,
                result,
                effects,
            }))
        };
        match g.rng.below(4) {
            0 => {
                let d = descr(g, "mix3", vec![Type::Int; 3], Type::Int);
                let f = g.b.const_int(mix3 as *const () as usize as i64);
                let args = [
                    f,
                    g.operand(Type::Int),
                    g.operand(Type::Int),
                    g.operand(Type::Int),
                ];
                g.emit(Opcode::CallI, &args, Some(d));
            }
            1 => {
                let d = descr(g, "fmadd", vec![Type::Float; 3], Type::Float);
                let f = g.b.const_int(fmadd as *const () as usize as i64);
                let args = [
                    f,
                    g.operand(Type::Float),
                    g.operand(Type::Float),
                    g.operand(Type::Float),
                ];
                g.emit(Opcode::CallF, &args, Some(d));
            }
            2 => {
                let d = descr(g, "sum6", vec![Type::Int; 6], Type::Int);
                let mut args = vec![g.b.const_int(sum6 as *const () as usize as i64)];
                for _ in 0..6 {
                    args.push(g.operand(Type::Int));
                }
                g.emit(Opcode::CallI, &args, Some(d));
                g.guard(Opcode::GuardNoException, &[], false);
            }
            _ => {
                let d = descr(g, "answer", vec![], Type::Void);
                let f = g.b.const_int(answer as *const () as usize as i64);
                g.emit(Opcode::CallN, &[f], Some(d));
            }
        }
    }

    fn object_descrs(&mut self) -> DescrId {
        if let Some(d) = self.object {
            return d;
        }
        let g = &mut self.g;
        let d = g.b.add_descr(Descr::Size(SizeDescr {
            name: "Obj".into(),
            size: OBJECT_SIZE,
            header: 0x77,
        }));
        let class = FieldDescr {
            name: "Obj.class".into(),
            offset: 8,
            ty: Type::Int,
            size: 8,
            signed: true,
        };
        self.fields.push(g.b.add_descr(Descr::Field(class)));
        for (offset, ty) in [(16, Type::Float), (24, Type::Ref)] {
            let f = FieldDescr {
                name: format!("Obj.f{offset}"),
                offset,
                ty,
                size: 8,
                signed: false,
            };
            self.fields.push(g.b.add_descr(Descr::Field(f)));
        }
        for (size, signed) in [(4, true), (2, false), (1, true)] {
            let f = FieldDescr {
                name: format!("Obj.n{size}"),
                offset: 24,
                ty: Type::Int,
                size,
                signed,
            };
            self.fields.push(g.b.add_descr(Descr::Field(f)));
        }
        self.array = Some(g.b.add_descr(Descr::Array(ArrayDescr {
            name: "Ints".into(),
            base_offset: 16,
            item_size: 8,
            ty: Type::Int,
            signed: false,
            len_offset: 8,
            header: 0x99,
        })));
        self.object = Some(d);
        d
    }

    fn memory(&mut self) {
        use Opcode::*;
        let size = self.object_descrs();
        let fields = self.fields.clone();
        let array = self.array.unwrap_or(size);
        let g = &mut self.g;
        if self.objects.is_empty() || g.rng.chance(20) {
            let p = g.emit(New, &[], Some(size));
            let class = g.b.const_int(CLASS_WORD);
            g.emit(SetfieldGc, &[p, class], Some(fields[0]));
            self.objects.push(p);
            return;
        }
        if self.arrays.is_empty() || g.rng.chance(10) {
            let len = g.rng.range(1, 6);
            let n = g.b.const_int(len);
            let a = g.emit(NewArray, &[n], Some(array));
            self.arrays.push((a, len));
            return;
        }
        let p = *g.rng.pick(&self.objects);
        let &(a, len) = g.rng.pick(&self.arrays);
        let field = *g.rng.pick(&fields[1..]);
        let ty = g.b.trace().descrs[field.index()]
            .as_field()
            .map_or(Type::Int, |f| f.ty);
        match g.rng.below(7) {
            0 => {
                let v = if ty == Type::Ref { p } else { g.operand(ty) };
                g.emit(SetfieldGc, &[p, v], Some(field));
            }
            1 => {
                let get = match ty {
                    Type::Float => GetfieldGcF,
                    Type::Ref => GetfieldGcR,
                    _ => GetfieldGcI,
                };
                g.emit(get, &[p], Some(field));
            }
            2 => {
                let class = g.b.const_int(CLASS_WORD);
                g.guard(GuardClass, &[p, class], true);
            }
            3 => {
                let i = g.b.const_int(g.rng.range(0, len - 1));
                let v = g.operand(Type::Int);
                g.emit(SetarrayitemGc, &[a, i, v], Some(array));
            }
            4 => {
                let i = g.b.const_int(g.rng.range(0, len - 1));
                g.emit(GetarrayitemGcI, &[a, i], Some(array));
            }
            5 => {
                g.emit(ArraylenGc, &[a], Some(array));
            }
            _ => {
                let q = g.emit(GetfieldGcI, &[p], Some(fields[0]));
                let c = g.b.const_int(CLASS_WORD);
                g.guard(GuardValue, &[q, c], false);
            }
        }
    }
}
