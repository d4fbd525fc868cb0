//! Expected values produced by CPython 3.11 (`format(value, spec)`, `repr(float)`), generated
//! by `gen_tests.py`: run `python3 gen_tests.py > tests.rs`.

use super::*;

fn int(v: &str, spec: &str) -> String {
    let v: BigInt = v.parse().unwrap();
    apply_int(&v, &parse_spec(spec, "int").unwrap()).unwrap()
}

fn float(v: f64, spec: &str) -> String {
    apply_float(v, &parse_spec(spec, "float").unwrap(), "float").unwrap()
}

fn text(v: &str, spec: &str) -> String {
    apply_str(v, &parse_spec(spec, "str").unwrap()).unwrap()
}

fn cplx(re: f64, im: f64, spec: &str) -> String {
    apply_complex(re, im, &parse_spec(spec, "complex").unwrap()).unwrap()
}

fn error(ty: &str, spec: &str, value: f64) -> String {
    let s = match parse_spec(spec, ty) {
        Ok(s) => s,
        Err(m) => return m,
    };
    let r = match ty {
        "int" => apply_int(&BigInt::from(value as i64), &s),
        "float" => apply_float(value, &s, "float"),
        "complex" => apply_complex(value, 2.0, &s),
        _ => apply_str("a", &s),
    };
    match r {
        Err(FmtError::Value(m)) | Err(FmtError::Overflow(m)) => m,
        other => panic!("{other:?}"),
    }
}

#[test]
fn ints() {
    assert_eq!(int("0", ""), "0");
    assert_eq!(int("1234", "010,"), "00,001,234");
    assert_eq!(int("1234", "0=10,"), "00,001,234");
    assert_eq!(int("1234", "*=10,"), "*****1,234");
    assert_eq!(int("12345", "_x"), "3039");
    assert_eq!(int("12345", "#_b"), "0b11_0000_0011_1001");
    assert_eq!(int("12345", "#010x"), "0x00003039");
    assert_eq!(int("-12345", "#010x"), "-0x0003039");
    assert_eq!(int("-12345", "#010_x"), "-0x00_3039");
    assert_eq!(int("3", "=^5"), "==3==");
    assert_eq!(int("1", "0<5"), "10000");
    assert_eq!(int("1", "<05"), "10000");
    assert_eq!(int("255", "#X"), "0XFF");
    assert_eq!(int("255", "#o"), "0o377");
    assert_eq!(int("-5", "b"), "-101");
    assert_eq!(int("65", "c"), "A");
    assert_eq!(int("53", "05c"), "00005");
    assert_eq!(int("1234", "n"), "1234");
    assert_eq!(int("-1234567", ","), "-1,234,567");
    assert_eq!(int("1234567", "_"), "1_234_567");
    assert_eq!(int("1", " 05"), " 0001");
    assert_eq!(int("-1", " "), "-1");
    assert_eq!(int("1", "+"), "+1");
    assert_eq!(int("12", "e"), "1.200000e+01");
    assert_eq!(int("1", "%"), "100.000000%");
    assert_eq!(int("1", ".2f"), "1.00");
    assert_eq!(
        int("1000000000000000000000000000000", ","),
        "1,000,000,000,000,000,000,000,000,000,000"
    );
    assert_eq!(int("123", "^10"), "   123    ");
    assert_eq!(int("-123", "^+10"), "   -123   ");
    assert_eq!(int("1234", "06,"), "01,234");
    assert_eq!(int("1234", "07,"), "001,234");
    assert_eq!(int("0", "010_b"), "0_0000_0000");
    assert_eq!(int("7", "x<8"), "7xxxxxxx");
    assert_eq!(int("42", "d"), "42");
    assert_eq!(int("3735928559", "_x"), "dead_beef");
    assert_eq!(int("3735928559", "#012_X"), "0X0_DEAD_BEEF");
    assert_eq!(int("255", "010_x"), "0_0000_00ff");
    assert_eq!(
        int("18446744073709551616", "_o"),
        "20_0000_0000_0000_0000_0000"
    );
}

#[test]
fn floats() {
    assert_eq!(float(1.0_f64, "zf"), "1.000000");
    assert_eq!(float(-0.0_f64, "z.1f"), "0.0");
    assert_eq!(float(f64::INFINITY, "010"), "0000000inf");
    assert_eq!(float(f64::NAN, "+010"), "+000000nan");
    assert_eq!(float(1.0_f64, ".3"), "1.0");
    assert_eq!(float(123.0_f64, ".3"), "1.23e+02");
    assert_eq!(float(1234.0_f64, ".3"), "1.23e+03");
    assert_eq!(float(1e+20_f64, ".3"), "1e+20");
    assert_eq!(float(0.0001_f64, ".3"), "0.0001");
    assert_eq!(float(1e-05_f64, ".3"), "1e-05");
    assert_eq!(float(1.5_f64, ".0"), "2e+00");
    assert_eq!(float(2.5_f64, ".0"), "2e+00");
    assert_eq!(float(123456789.0_f64, ","), "123,456,789.0");
    assert_eq!(float(1234.5_f64, "_"), "1_234.5");
    assert_eq!(float(1234.5_f64, "n"), "1234.5");
    assert_eq!(float(0.5_f64, "%"), "50.000000%");
    assert_eq!(float(0.5_f64, ".1%"), "50.0%");
    assert_eq!(float(1.0_f64, "#g"), "1.00000");
    assert_eq!(float(1.0_f64, "#.0f"), "1.");
    assert_eq!(float(1.0_f64, "#.0e"), "1.e+00");
    assert_eq!(float(1.0_f64, "1000f"), "                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                1.000000");
    assert_eq!(float(1e+300_f64, "f"), "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160.000000");
    assert_eq!(float(1.5_f64, "#"), "1.5");
    assert_eq!(float(0.1_f64, ".17"), "0.10000000000000001");
    assert_eq!(float(0.1_f64, ".17g"), "0.10000000000000001");
    assert_eq!(float(1e+22_f64, "e"), "1.000000e+22");
    assert_eq!(float(1.0_f64, "e"), "1.000000e+00");
    assert_eq!(float(1.0_f64, "G"), "1");
    assert_eq!(float(1e-10_f64, "G"), "1E-10");
    assert_eq!(float(f64::INFINITY, "F"), "INF");
    assert_eq!(float(1.0_f64, "n"), "1");
    assert_eq!(float(12345.678_f64, ",.2f"), "12,345.68");
    assert_eq!(float(-0.0_f64, "z"), "0.0");
    assert_eq!(float(-0.0_f64, "zg"), "0");
    assert_eq!(float(-0.001_f64, "z.1f"), "0.0");
    assert_eq!(float(1.5_f64, "=+10"), "+      1.5");
    assert_eq!(float(1.0_f64, ".1"), "1e+00");
    assert_eq!(float(0.001_f64, "#g"), "0.00100000");
    assert_eq!(float(1e-05_f64, "#.3"), "1.00e-05");
    assert_eq!(float(100.0_f64, "#.3"), "1.00e+02");
    assert_eq!(float(1e+16_f64, ".17"), "1e+16");
    assert_eq!(float(123.0_f64, "#.3g"), "123.");
    assert_eq!(float(0.0_f64, ".0e"), "0e+00");
    assert_eq!(float(0.0_f64, "g"), "0");
    assert_eq!(float(-0.0_f64, ".2e"), "-0.00e+00");
    assert_eq!(float(f64::NEG_INFINITY, "E"), "-INF");
    assert_eq!(float(1234567.0_f64, "010,.1f"), "1,234,567.0");
    assert_eq!(float(3.14159_f64, "^12.3"), "    3.14    ");
    assert_eq!(float(-2.5_f64, "010"), "-0000002.5");
    assert_eq!(float(1e+100_f64, "g"), "1e+100");
    assert_eq!(float(1.23456789e-07_f64, ".4g"), "1.235e-07");
    assert_eq!(float(99999.5_f64, ".5g"), "1e+05");
    assert_eq!(float(1.234e-05_f64, "g"), "1.234e-05");
    assert_eq!(float(1e+16_f64, "#"), "1.e+16");
    assert_eq!(float(1e-07_f64, "%"), "0.000010%");
    assert_eq!(float(5e-324_f64, ".3e"), "4.941e-324");
    assert_eq!(
        float(1.1805916207174113e+21_f64, "f"),
        "1180591620717411303424.000000"
    );
    assert_eq!(float(-1e-320_f64, "g"), "-9.99989e-321");
}

#[test]
fn float_reprs() {
    assert_eq!(repr_float(0.0_f64), "0.0");
    assert_eq!(repr_float(-0.0_f64), "-0.0");
    assert_eq!(repr_float(1.0_f64), "1.0");
    assert_eq!(repr_float(0.1_f64), "0.1");
    assert_eq!(repr_float(0.30000000000000004_f64), "0.30000000000000004");
    assert_eq!(repr_float(1e+16_f64), "1e+16");
    assert_eq!(repr_float(1000000000000000.0_f64), "1000000000000000.0");
    assert_eq!(
        repr_float(1.2345678901234568e+17_f64),
        "1.2345678901234568e+17"
    );
    assert_eq!(repr_float(1e-05_f64), "1e-05");
    assert_eq!(repr_float(0.0001_f64), "0.0001");
    assert_eq!(repr_float(5e-324_f64), "5e-324");
    assert_eq!(
        repr_float(1.7976931348623157e+308_f64),
        "1.7976931348623157e+308"
    );
    assert_eq!(repr_float(f64::INFINITY), "inf");
    assert_eq!(repr_float(f64::NEG_INFINITY), "-inf");
    assert_eq!(repr_float(f64::NAN), "nan");
    assert_eq!(repr_float(2.5_f64), "2.5");
    assert_eq!(repr_float(0.3333333333333333_f64), "0.3333333333333333");
    assert_eq!(repr_float(-1.5e-10_f64), "-1.5e-10");
    assert_eq!(repr_float(1e+22_f64), "1e+22");
    assert_eq!(repr_float(123.456_f64), "123.456");
    assert_eq!(repr_float(9007199254740992.0_f64), "9007199254740992.0");
}

#[test]
fn strs() {
    assert_eq!(text("ab", "05"), "ab000");
    assert_eq!(text("abc", ".1"), "a");
    assert_eq!(text("abc", "^7.2"), "  ab   ");
    assert_eq!(text("x", "=^5"), "==x==");
    assert_eq!(text("abc", ">6"), "   abc");
    assert_eq!(text("é", "*^4"), "*é**");
    assert_eq!(text("hello", "s"), "hello");
    assert_eq!(text("", "3"), "   ");
    assert_eq!(text("abcdef", ".0"), "");
}

#[test]
fn complexes() {
    assert_eq!(cplx(1.0_f64, 2.0_f64, ""), "(1+2j)");
    assert_eq!(cplx(1.0_f64, 2.0_f64, ".2f"), "1.00+2.00j");
    assert_eq!(cplx(0.0_f64, 2.0_f64, ""), "2j");
    assert_eq!(cplx(1.0_f64, 2.0_f64, "10"), "    (1+2j)");
    assert_eq!(cplx(1.0_f64, 2.0_f64, "<20"), "(1+2j)              ");
    assert_eq!(cplx(-0.0_f64, -1.0_f64, ""), "(-0-1j)");
    assert_eq!(cplx(1.0_f64, 2.0_f64, "g"), "1+2j");
    assert_eq!(cplx(1.0_f64, 2.0_f64, "e"), "1.000000e+00+2.000000e+00j");
    assert_eq!(cplx(1.0_f64, 2.0_f64, ".2"), "(1+2j)");
    assert_eq!(cplx(0.0_f64, 2.0_f64, "+"), "+2j");
    assert_eq!(cplx(-0.0_f64, 2.0_f64, ""), "(-0+2j)");
    assert_eq!(cplx(1.0_f64, -2.0_f64, "^12"), "   (1-2j)   ");
    assert_eq!(cplx(1e+20_f64, 1.0_f64, ""), "(1e+20+1j)");
    assert_eq!(cplx(1.0_f64, 2.0_f64, "*^12"), "***(1+2j)***");
    assert_eq!(cplx(1.0_f64, 2.0_f64, "#"), "(1.+2.j)");
    assert_eq!(cplx(1234.0_f64, 2.0_f64, ","), "(1,234+2j)");
    assert_eq!(cplx(1.0_f64, 2.0_f64, "n"), "1+2j");
    assert_eq!(cplx(f64::NAN, f64::INFINITY, ""), "(nan+infj)");
}

#[test]
fn errors() {
    assert_eq!(
        error("int", "abc", 1.0_f64),
        "Invalid format specifier 'abc' for object of type 'int'"
    );
    assert_eq!(
        error("float", "abc", 1.5_f64),
        "Invalid format specifier 'abc' for object of type 'float'"
    );
    assert_eq!(
        error("str", "abc", 1.0_f64),
        "Invalid format specifier 'abc' for object of type 'str'"
    );
    assert_eq!(
        error("int", ",_", 1.0_f64),
        "Cannot specify both ',' and '_'."
    );
    assert_eq!(
        error("int", "_,", 1.0_f64),
        "Cannot specify both ',' and '_'."
    );
    assert_eq!(
        error("int", ".2", 1.0_f64),
        "Precision not allowed in integer format specifier"
    );
    assert_eq!(
        error("int", "+c", 1.0_f64),
        "Sign not allowed with integer format specifier 'c'"
    );
    assert_eq!(
        error("int", "#c", 1.0_f64),
        "Alternate form (#) not allowed with integer format specifier 'c'"
    );
    assert_eq!(error("int", ",c", 1.0_f64), "Cannot specify ',' with 'c'.");
    assert_eq!(
        error("int", "z", 1.0_f64),
        "Negative zero coercion (z) not allowed in integer format specifier"
    );
    assert_eq!(
        error("str", "z", 1.0_f64),
        "Negative zero coercion (z) not allowed in string format specifier"
    );
    assert_eq!(
        error("str", "+", 1.0_f64),
        "Sign not allowed in string format specifier"
    );
    assert_eq!(
        error("str", " ", 1.0_f64),
        "Space not allowed in string format specifier"
    );
    assert_eq!(
        error("str", "#", 1.0_f64),
        "Alternate form (#) not allowed in string format specifier"
    );
    assert_eq!(
        error("str", "=", 1.0_f64),
        "'=' alignment not allowed in string format specifier"
    );
    assert_eq!(error("str", ",", 1.0_f64), "Cannot specify ',' with 's'.");
    assert_eq!(error("str", "_", 1.0_f64), "Cannot specify '_' with 's'.");
    assert_eq!(
        error("str", "d", 1.0_f64),
        "Unknown format code 'd' for object of type 'str'"
    );
    assert_eq!(
        error("float", "d", 1.0_f64),
        "Unknown format code 'd' for object of type 'float'"
    );
    assert_eq!(
        error("int", "s", 1.0_f64),
        "Unknown format code 's' for object of type 'int'"
    );
    assert_eq!(
        error("int", "100000000000000000000", 1.0_f64),
        "Too many decimal digits in format string"
    );
    assert_eq!(error("int", "_n", 1.0_f64), "Cannot specify '_' with 'n'.");
    assert_eq!(error("int", ",x", 1.0_f64), "Cannot specify ',' with 'x'.");
    assert_eq!(
        error("complex", "0", 1.0_f64),
        "Zero padding is not allowed in complex format specifier"
    );
    assert_eq!(
        error("complex", "=", 1.0_f64),
        "'=' alignment flag is not allowed in complex format specifier"
    );
    assert_eq!(
        error("complex", "%", 1.0_f64),
        "Unknown format code '%' for object of type 'complex'"
    );
    assert_eq!(
        error("float", ".", 1.0_f64),
        "Format specifier missing precision"
    );
    assert_eq!(
        error("int", "\u{1}", 1.0_f64),
        "Unknown format code '\\x1' for object of type 'int'"
    );
    assert_eq!(
        error("int", "é", 1.0_f64),
        "Unknown format code '\\xe9' for object of type 'int'"
    );
}
