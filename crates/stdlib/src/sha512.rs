//! The `_sha512` module: `sha512` and `sha384` hash objects (FIPS 180-4), which `random`
//! uses to seed from strings and bytes.

use crate::common::{self, boxed_state};
use pyrs_interp::types::boxed;
use pyrs_interp::types::bytes::{bytes_like, new_bytes};
use pyrs_interp::types::str::new_str;
use pyrs_interp::value::Value;
use pyrs_interp::vm::{Args, NativeFn, PyResult, Vm};

const K: [u64; 80] = [
    0x428a2f98d728ae22,
    0x7137449123ef65cd,
    0xb5c0fbcfec4d3b2f,
    0xe9b5dba58189dbbc,
    0x3956c25bf348b538,
    0x59f111f1b605d019,
    0x923f82a4af194f9b,
    0xab1c5ed5da6d8118,
    0xd807aa98a3030242,
    0x12835b0145706fbe,
    0x243185be4ee4b28c,
    0x550c7dc3d5ffb4e2,
    0x72be5d74f27b896f,
    0x80deb1fe3b1696b1,
    0x9bdc06a725c71235,
    0xc19bf174cf692694,
    0xe49b69c19ef14ad2,
    0xefbe4786384f25e3,
    0x0fc19dc68b8cd5b5,
    0x240ca1cc77ac9c65,
    0x2de92c6f592b0275,
    0x4a7484aa6ea6e483,
    0x5cb0a9dcbd41fbd4,
    0x76f988da831153b5,
    0x983e5152ee66dfab,
    0xa831c66d2db43210,
    0xb00327c898fb213f,
    0xbf597fc7beef0ee4,
    0xc6e00bf33da88fc2,
    0xd5a79147930aa725,
    0x06ca6351e003826f,
    0x142929670a0e6e70,
    0x27b70a8546d22ffc,
    0x2e1b21385c26c926,
    0x4d2c6dfc5ac42aed,
    0x53380d139d95b3df,
    0x650a73548baf63de,
    0x766a0abb3c77b2a8,
    0x81c2c92e47edaee6,
    0x92722c851482353b,
    0xa2bfe8a14cf10364,
    0xa81a664bbc423001,
    0xc24b8b70d0f89791,
    0xc76c51a30654be30,
    0xd192e819d6ef5218,
    0xd69906245565a910,
    0xf40e35855771202a,
    0x106aa07032bbd1b8,
    0x19a4c116b8d2d0c8,
    0x1e376c085141ab53,
    0x2748774cdf8eeb99,
    0x34b0bcb5e19b48a8,
    0x391c0cb3c5c95a63,
    0x4ed8aa4ae3418acb,
    0x5b9cca4f7763e373,
    0x682e6ff3d6b2b8a3,
    0x748f82ee5defb2fc,
    0x78a5636f43172f60,
    0x84c87814a1f0ab72,
    0x8cc702081a6439ec,
    0x90befffa23631e28,
    0xa4506cebde82bde9,
    0xbef9a3f7b2c67915,
    0xc67178f2e372532b,
    0xca273eceea26619c,
    0xd186b8c721c0c207,
    0xeada7dd6cde0eb1e,
    0xf57d4f7fee6ed178,
    0x06f067aa72176fba,
    0x0a637dc5a2c898a6,
    0x113f9804bef90dae,
    0x1b710b35131c471b,
    0x28db77f523047d84,
    0x32caab7b40c72493,
    0x3c9ebe0a15c9bebc,
    0x431d67c49c100d4c,
    0x4cc5d4becb3e42b6,
    0x597f299cfc657e2a,
    0x5fcb6fab3ad6faec,
    0x6c44198c4a475817,
];

const IV_512: [u64; 8] = [
    0x6a09e667f3bcc908,
    0xbb67ae8584caa73b,
    0x3c6ef372fe94f82b,
    0xa54ff53a5f1d36f1,
    0x510e527fade682d1,
    0x9b05688c2b3e6c1f,
    0x1f83d9abfb41bd6b,
    0x5be0cd19137e2179,
];

const IV_384: [u64; 8] = [
    0xcbbb9d5dc1059ed8,
    0x629a292a367cd507,
    0x9159015a3070dd17,
    0x152fecd8f70e5939,
    0x67332667ffc00b31,
    0x8eb44a8768581511,
    0xdb0c2e0d64f98fa7,
    0x47b5481dbefa4fa4,
];

/// A running SHA-512 or SHA-384 computation.
#[derive(Clone)]
struct Sha {
    h: [u64; 8],
    buf: Vec<u8>,
    len: u128,
    /// 64 for SHA-512, 48 for SHA-384.
    digest_size: usize,
}
boxed_state!(Sha {});

impl Sha {
    fn new(digest_size: usize) -> Sha {
        Sha {
            h: if digest_size == 64 { IV_512 } else { IV_384 },
            buf: Vec::with_capacity(128),
            len: 0,
            digest_size,
        }
    }

    fn block(&mut self, block: &[u8]) {
        let mut w = [0u64; 80];
        for (i, c) in block.chunks(8).enumerate() {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            w[i] = u64::from_be_bytes(b);
        }
        for t in 16..80 {
            let s0 = w[t - 15].rotate_right(1) ^ w[t - 15].rotate_right(8) ^ (w[t - 15] >> 7);
            let s1 = w[t - 2].rotate_right(19) ^ w[t - 2].rotate_right(61) ^ (w[t - 2] >> 6);
            w[t] = w[t - 16]
                .wrapping_add(s0)
                .wrapping_add(w[t - 7])
                .wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut h] = self.h;
        for t in 0..80 {
            let s1 = e.rotate_right(14) ^ e.rotate_right(18) ^ e.rotate_right(41);
            let ch = (e & f) ^ (!e & g);
            let t1 = h
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(K[t])
                .wrapping_add(w[t]);
            let s0 = a.rotate_right(28) ^ a.rotate_right(34) ^ a.rotate_right(39);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            h = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = c;
            c = b;
            b = a;
            a = t1.wrapping_add(t2);
        }
        for (x, y) in self.h.iter_mut().zip([a, b, c, d, e, f, g, h]) {
            *x = x.wrapping_add(y);
        }
    }

    fn update(&mut self, data: &[u8]) {
        self.len += data.len() as u128;
        self.buf.extend_from_slice(data);
        let full = self.buf.len() / 128 * 128;
        let pending: Vec<u8> = self.buf.drain(..full).collect();
        for chunk in pending.chunks(128) {
            self.block(chunk);
        }
    }

    fn digest(&self) -> Vec<u8> {
        let mut s = self.clone();
        let bits = s.len.wrapping_mul(8);
        let mut pad = vec![0x80u8];
        while (s.buf.len() + pad.len()) % 128 != 112 {
            pad.push(0);
        }
        pad.extend_from_slice(&bits.to_be_bytes());
        let len = s.len;
        s.update(&pad);
        s.len = len;
        s.h.iter()
            .flat_map(|w| w.to_be_bytes())
            .take(s.digest_size)
            .collect()
    }
}

fn data_arg(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if pyrs_interp::types::str::as_str(v).is_some() {
        return Err(vm.type_error("Strings must be encoded before hashing"));
    }
    match bytes_like(v) {
        Some(b) => Ok(b.to_vec()),
        None => {
            let t = common::type_name(vm, v);
            Err(vm.type_error(format!(
                "object supporting the buffer API required, not '{t}'"
            )))
        }
    }
}

fn construct(vm: &mut Vm, args: Args<'_>, name: &str, size: usize, key: &'static str) -> PyResult {
    let a = common::parse(vm, &args, 0, name, &["string", "usedforsecurity"], 0, 1)?;
    let mut st = Sha::new(size);
    if let Some(v) = a[0] {
        let data = data_arg(vm, v)?;
        st.update(&data);
    }
    let cls = common::type_of(vm, key)?;
    Ok(boxed::new_boxed(vm, cls, st))
}

fn sha512(vm: &mut Vm, args: Args<'_>) -> PyResult {
    construct(vm, args, "sha512", 64, "_sha512.sha512")
}

fn sha384(vm: &mut Vm, args: Args<'_>) -> PyResult {
    construct(vm, args, "sha384", 48, "_sha512.sha384")
}

fn this<'a>(vm: &mut Vm, args: &Args<'_>, m: &str) -> PyResult<&'a mut Sha> {
    common::this::<Sha>(vm, args, m, "_sha512.sha512")
}

fn m_update(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "update", 1, 1, 1)?;
    let data = data_arg(vm, pos[0])?;
    this(vm, &args, "update")?.update(&data);
    Ok(vm.none)
}

fn m_digest(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let d = this(vm, &args, "digest")?.digest();
    Ok(new_bytes(vm, &d))
}

fn m_hexdigest(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let d = this(vm, &args, "hexdigest")?.digest();
    let s: String = d.iter().map(|b| format!("{b:02x}")).collect();
    Ok(new_str(vm, &s))
}

fn m_copy(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let st = this(vm, &args, "copy")?.clone();
    let cls = pyrs_interp::types::class::class_of(vm, args.pos[0]);
    Ok(boxed::new_boxed(vm, cls, st))
}

fn m_name(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let n = if this(vm, &args, "name")?.digest_size == 64 {
        "sha512"
    } else {
        "sha384"
    };
    Ok(new_str(vm, n))
}

fn m_digest_size(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let n = this(vm, &args, "digest_size")?.digest_size;
    Ok(Value::from_usize(n))
}

fn m_block_size(vm: &mut Vm, args: Args<'_>) -> PyResult {
    this(vm, &args, "block_size")?;
    Ok(Value::from_usize(128))
}

const METHODS: &[(&str, NativeFn)] = &[
    ("update", m_update),
    ("digest", m_digest),
    ("hexdigest", m_hexdigest),
    ("copy", m_copy),
];

/// Creates the `_sha512` module.
pub fn init(vm: &mut Vm) -> PyResult {
    let m = vm.new_module("_sha512");
    for key in ["_sha512.sha512", "_sha512.sha384"] {
        let cls = common::new_type(vm, key, None, false);
        vm.add_methods(cls, METHODS);
        vm.add_getset(cls, "name", m_name, None);
        vm.add_getset(cls, "digest_size", m_digest_size, None);
        vm.add_getset(cls, "block_size", m_block_size, None);
    }
    vm.module_add_functions(m, &[("sha512", sha512), ("sha384", sha384)]);
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::Sha;

    fn hex(d: Vec<u8>) -> String {
        d.iter().map(|b| format!("{b:02x}")).collect()
    }

    #[test]
    fn known_digests() {
        let mut s = Sha::new(64);
        s.update(b"abc");
        assert!(hex(s.digest()).starts_with("ddaf35a193617abacc417349ae204131"));
        let e = Sha::new(48);
        assert!(hex(e.digest()).starts_with("38b060a751ac96384cd9327eb1b1e36a"));
        let mut long = Sha::new(64);
        for _ in 0..1000 {
            long.update(&[b'a'; 1000]);
        }
        assert!(hex(long.digest()).starts_with("e718483d0ce769644e2e42c7bc15b463"));
    }
}
