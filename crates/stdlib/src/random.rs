//! The `_random` module: `Random`, the Mersenne Twister (MT19937) that `random.Random`
//! builds on, seeded exactly as CPython seeds it so that seeded sequences agree.

use crate::common::{self, boxed_state};
use num_bigint::{BigInt, Sign};
use num_traits::Signed;
use pyrs_interp::object::{self, Kind};
use pyrs_interp::ops::{convert, hash};
use pyrs_interp::types::float::new_float;
use pyrs_interp::types::int::{self, new_int};
use pyrs_interp::types::tuple::{self, new_tuple};
use pyrs_interp::value::Value;
use pyrs_interp::vm::{Args, NativeFn, PyResult, Vm};

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// The generator state.
struct Mt {
    state: [u32; N],
    index: usize,
}
boxed_state!(Mt {});

impl Mt {
    fn new() -> Mt {
        let mut mt = Mt {
            state: [0; N],
            index: N + 1,
        };
        mt.init_genrand(5489);
        mt
    }

    fn init_genrand(&mut self, s: u32) {
        self.state[0] = s;
        for i in 1..N {
            let prev = self.state[i - 1];
            self.state[i] = 1_812_433_253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let mt = &mut self.state;
        let (mut i, mut j) = (1usize, 0usize);
        let klen = key.len().max(1);
        for _ in 0..N.max(klen) {
            let prev = mt[i - 1];
            let k = key.get(j).copied().unwrap_or(0);
            mt[i] = (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(k)
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= klen {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = mt[i - 1];
            mt[i] =
                (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x8000_0000;
    }

    fn next_u32(&mut self) -> u32 {
        let mag = |y: u32| if y & 1 == 1 { MATRIX_A } else { 0 };
        if self.index >= N {
            let mt = &mut self.state;
            for kk in 0..N - M {
                let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
                mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag(y);
            }
            for kk in N - M..N - 1 {
                let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
                mt[kk] = mt[kk + M - N] ^ (y >> 1) ^ mag(y);
            }
            let y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
            mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag(y);
            self.index = 0;
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    fn random(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }
}

const TNAME: &str = "_random.Random";

fn this<'a>(vm: &mut Vm, args: &Args<'_>, m: &str) -> PyResult<&'a mut Mt> {
    common::this::<Mt>(vm, args, m, TNAME)
}

/// Seeds from `arg` as CPython does: None from the OS, ints by absolute value, anything
/// else by its hash; the number is cut into 32-bit words from the least significant.
fn seed(vm: &mut Vm, me: Value, arg: Value) -> PyResult<()> {
    let n: BigInt = if arg == vm.none || arg.is_null() {
        let mut buf = [0u8; N * 4];
        let ok = getrandom(&mut buf);
        if !ok {
            let t = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or(0);
            buf[..16].copy_from_slice(&t.to_le_bytes());
        }
        BigInt::from_bytes_le(Sign::Plus, &buf)
    } else if int::is_int(arg) && object::kind_of(arg) != Some(Kind::Instance) {
        int::as_bigint(arg).unwrap_or_default().abs()
    } else if int::is_int(arg) {
        convert::index(vm, arg)?.abs()
    } else {
        let h = hash::hash(vm, arg)?;
        BigInt::from(h as u64)
    };
    let (_, bytes) = n.to_bytes_le();
    let mut key: Vec<u32> = bytes
        .chunks(4)
        .map(|c| {
            let mut w = [0u8; 4];
            w[..c.len()].copy_from_slice(c);
            u32::from_le_bytes(w)
        })
        .collect();
    while key.len() > 1 && key.last() == Some(&0) {
        key.pop();
    }
    if key.is_empty() {
        key.push(0);
    }
    if let Some(mt) = pyrs_interp::types::boxed::state::<Mt>(me) {
        mt.init_by_array(&key);
    }
    Ok(())
}

/// Fills `buf` from the OS; whether it worked.
fn getrandom(buf: &mut [u8]) -> bool {
    let mut filled = 0;
    while filled < buf.len() {
        // SAFETY: the pointer and length describe the unfilled tail of `buf`.
        let r = unsafe {
            libc::getrandom(
                buf[filled..].as_mut_ptr() as *mut libc::c_void,
                buf.len() - filled,
                0,
            )
        };
        if r <= 0 {
            return false;
        }
        filled += r as usize;
    }
    true
}

fn random_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let base = common::type_of(vm, TNAME)?;
    let cls = common::new_cls(vm, &args, base)?;
    if cls == base {
        common::no_kwargs(vm, &args, "Random")?;
    }
    let n = args.pos.len() - 1;
    if n > 1 {
        return Err(vm.type_error(format!("Random() expected at most 1 argument, got {n}")));
    }
    let me = common::alloc(vm, cls, base, Mt::new());
    let arg = args.pos.get(1).copied().unwrap_or(vm.none);
    seed(vm, me, arg)?;
    Ok(me)
}

fn random_seed(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "seed", 1, 0, 1)?;
    this(vm, &args, "seed")?;
    let arg = pos.first().copied().unwrap_or(vm.none);
    seed(vm, args.pos[0], arg)?;
    Ok(vm.none)
}

fn random_random(vm: &mut Vm, args: Args<'_>) -> PyResult {
    common::positional(vm, &args, "random", 1, 0, 0)?;
    let r = this(vm, &args, "random")?.random();
    Ok(new_float(vm, r))
}

fn random_getrandbits(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "getrandbits", 1, 1, 1)?;
    let k = convert::index_isize(vm, pos[0])?;
    if k < 0 {
        return Err(vm.value_error("number of bits must be non-negative"));
    }
    if !vm.heap.can_allocate((k / 8) as usize) {
        return Err(vm.memory_error());
    }
    let mt = this(vm, &args, "getrandbits")?;
    if k <= 32 {
        let v = if k == 0 { 0 } else { mt.next_u32() >> (32 - k) };
        return Ok(Value::from_usize(v as usize));
    }
    let words = ((k - 1) / 32 + 1) as usize;
    let mut bytes = Vec::with_capacity(words * 4);
    let mut left = k;
    for _ in 0..words {
        let mut r = mt.next_u32();
        if left < 32 {
            r >>= 32 - left;
        }
        bytes.extend_from_slice(&r.to_le_bytes());
        left -= 32;
    }
    let n = BigInt::from_bytes_le(Sign::Plus, &bytes);
    Ok(new_int(vm, n))
}

fn random_getstate(vm: &mut Vm, args: Args<'_>) -> PyResult {
    common::positional(vm, &args, "getstate", 1, 0, 0)?;
    let mt = this(vm, &args, "getstate")?;
    let (words, index) = (mt.state, mt.index);
    let mut items: Vec<Value> = words
        .iter()
        .map(|&w| Value::from_usize(w as usize))
        .collect();
    items.push(Value::from_usize(index));
    Ok(new_tuple(vm, &items))
}

fn random_setstate(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "setstate", 1, 1, 1)?;
    this(vm, &args, "setstate")?;
    let Some(items) = tuple::as_tuple(pos[0]).map(|t| t.items().to_vec()) else {
        return Err(vm.type_error("state vector must be a tuple"));
    };
    if items.len() != N + 1 {
        return Err(vm.value_error("state vector is the wrong size"));
    }
    let mut state = [0u32; N];
    for (slot, &v) in state.iter_mut().zip(&items) {
        let b = convert::index(vm, v)?;
        if b.sign() == Sign::Minus {
            return Err(vm.overflow_error("can't convert negative value to unsigned int"));
        }
        *slot = num_traits::ToPrimitive::to_u64(&b).unwrap_or(u64::MAX) as u32;
    }
    let index = convert::index_isize(vm, items[N])?;
    if !(0..=N as i64).contains(&index) {
        return Err(vm.value_error("invalid state"));
    }
    let mt = this(vm, &args, "setstate")?;
    mt.state = state;
    mt.index = index as usize;
    Ok(vm.none)
}

const METHODS: &[(&str, NativeFn)] = &[
    ("seed", random_seed),
    ("random", random_random),
    ("getrandbits", random_getrandbits),
    ("getstate", random_getstate),
    ("setstate", random_setstate),
];

/// Creates the `_random` module.
pub fn init(vm: &mut Vm) -> PyResult {
    let m = vm.new_module("_random");
    let cls = common::new_type(vm, TNAME, None, true);
    vm.add_staticmethod(cls, "__new__", random_new);
    vm.add_methods(cls, METHODS);
    vm.module_set(m, "Random", cls);
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::Mt;

    #[test]
    fn seeded_like_cpython() {
        let mut mt = Mt::new();
        mt.init_by_array(&[5]);
        assert_eq!(mt.random(), 0.6229016948897019);
        assert_eq!(mt.next_u32(), 3185950873);
    }
}
