"""Generates numbers.py: int/float/complex/math cases with the results CPython 3.11 gives.

Run with python3.11 from this directory: python3 gen_numbers.py
"""
import math

PRELUDE = r'''
class I(int):
    def __repr__(self):
        return 'I(' + int.__repr__(self) + ')'
class F(float):
    pass
class C(complex):
    pass
class HasInt:
    def __int__(self):
        return 7
class HasIndex:
    def __index__(self):
        return 5
class HasTrunc:
    def __trunc__(self):
        return 3
class HasFloat:
    def __float__(self):
        return 2.5
class HasComplex:
    def __complex__(self):
        return 1+1j
class BadInt:
    def __int__(self):
        return 'x'
class Floor:
    def __floor__(self):
        return 'floor!'
    def __ceil__(self):
        return 'ceil!'
'''

CASES = r'''
1//0
1%0
1/0
divmod(1,0)
1.0/0
1.0//0
1.0%0
divmod(1.0,0)
0**-1
1<<-1
1>>-1
1<<(1<<70)
10.0**400
(-8.0)**(1/3)
pow(2,3,0)
pow(2,-1,4)
pow(2,-1,-7)
pow(3,-1,6)
pow(2,10**20,10**9+7)
pow(-3, 5, 7)
pow(2.0,3,4)
pow(2,3,4.0)
int('x')
int('')
int(' 12 ')
int('1_000')
int('0x1f',0)
int('010',0)
int('1__0')
int('12',1)
int(12,10)
int([])
int(float('inf'))
int(float('nan'))
int('9'*5000)
str(10**5000)
str(10**4299)[:5]
float('x')
float('  inf ')
float('1_0.5')
float([])
complex('x')
complex('1+2j')
complex('1','2')
complex(1,'2')
complex([])
complex(1, 2)
complex(1+2j, 3j)
complex('(1-2j)')
complex(imag=2)
(1+2j)//2
(1+2j)<(2j)
1j/0
0j**-1
(1e200j)**2
repr(complex(0,-1))
repr(complex(-0.0,-1))
repr(complex(float('nan'),float('inf')))
repr(complex(1,float('nan')))
repr(-float('nan'))
10**400/1
1/10**400
(10**400)/(10**399)
float(10**400)
0/-5
(2**1100)/3
(2**60+1)/3
10**30/7
round(2.5)
round(1234,-2)
round(1250,-2)
round(-1250,-2)
round(2.675,2)
round(float('inf'))
round(1e300, -400)
round(1.5, 400)
round(0.5)
round(-0.5)
round(1250.0, -2)
round(123.456, 1)
round(5, -1)
round(15, -1)
round(10**30+5*10**10, -11)
type(int.__add__(1,1.5)).__name__
format(True), f'{False:}', format(True, 'd'), format(2**100, '')
int.__add__('a',1)
(255).to_bytes(1,'big')
(256).to_bytes(1,'big')
(-1).to_bytes(1,'big')
int.from_bytes(b'\xff','big',signed=True)
int.from_bytes(b'\x01\x00', 'little')
int.from_bytes([1,2], 'big')
(1024).to_bytes(2, 'little')
(-129).to_bytes(2,'big',signed=True)
(1).to_bytes(length=2, byteorder='big')
(1).to_bytes()
(1).to_bytes(1, 'mid')
float.fromhex('0x1.8p1')
float.fromhex('x')
(1.5).hex()
(1e-320).hex()
(0.1).as_integer_ratio()
float('inf').as_integer_ratio()
float('nan').as_integer_ratio()
hash(complex(1,2))
hash(-1)
hash(2**61)
hash(2**100)
hash(1.5)
hash(-1.0)
hash(0.1)
hash(True)
True&True
True|0
True^True
~True
-True
True+True
1.5 % -1
-1.5//1
divmod(-7.5,2)
5 % -3
-5//3
divmod(-7, 2)
divmod(2**100, -7)
3 ** 0.5
(-2)**0.5
pow(0.0,-1)
float('inf')**-1
(-1)**float('inf')
0.0**0
2.0**-1075
2**-1
(-2)**-1
2**100
(-3)**3
7.0//0.0
float('inf')//1
float('inf')%3
int('٣')
int('0b101', 0)
int('0b101', 2)
int(' -0x1_0 ', 16)
int('_1')
int(b'12')
int('12', 37)
int('1e5')
float('1e5_0')
float(' -iNfinity')
float('infinit')
int('0_7', 0)
int('00', 0)
int(' 1 2')
int('1', base=0)
int('+ 1')
int('-0b1', 0)
int('0b', 0)
int('0x_1', 0)
int(3.9)
int(-3.9)
int(1e20)
int(-2.0**70)
int('12', base=2.5)
float('1.5e')
float('.5')
float('.')
float('0x10')
float('1e400')
float('-1e-400')
float(b'1.5')
float(10)
float(True)
bool(0), bool(3), bool(0.0), bool(0j), bool(1j)
(0).bit_length(), (-255).bit_length(), (-255).bit_count(), (2**100).bit_length()
True.real, (5).imag, (5).numerator, (5).denominator, (5).as_integer_ratio(), (5).conjugate()
(1.5).real, (1.5).imag, (1.5).conjugate(), (3.0).is_integer(), (3.5).is_integer()
(1+2j).real, (1+2j).imag, (1+2j).conjugate(), abs(3+4j), abs(-2**70), abs(-2.5)
2**62 + 2**62, -2**62 - 2**62 - 1, (2**62) * 2, 3 * -2**62, -(-2**62), (-2**62)//-1
2**64 - 1, (2**64) >> 3, -1 >> 200, (-2**100) >> 3, 1 << 100, 7 & -4, 2**70 | 1, -2**70 ^ 5
12345678901234567890 % 97, -12345678901234567890 // 97, 10**20 * 10**20 - 1
1 == 1.0, 2**53 + 1 == 2.0**53, 2**53 + 1 > 2.0**53, 1 < float('inf'), 1 < float('nan'), 10**400 > 1e308
1.5 == 1.5, 1.0 != 1, 0.1 + 0.2, 1e16, 1e-5, 123456789.0 * 10, -0.0, 1/3, 2.0**0.5
(1+2j) * (3-4j), (1+2j) / (3-4j), (1+2j) ** 2, (1+2j) + 1, 1 - 1j, 2 * 1j, 1j ** 1j, (1+1j) ** 1000
(1+2j) == 1+2j, 1j == 1j, (1+0j) == 1, (1+0j) == 1.0, 1j != 0
format(1234567, ','), format(255, '#x'), format(3.14159, '.2f'), format(1+2j, '')
f"{2**100}", f"{1.5:e}", f"{-7:+05d}"
str(123), repr(-45), str(1.0), repr(1e100), str(True), repr(False)
math.sqrt(-1)
math.exp(1000)
math.log(0)
math.factorial(-1)
math.factorial(1.5)
math.log(10,0)
math.log(10,1)
math.log(-1)
math.fsum([1e308,1e308])
math.gcd(1.5)
math.comb(-1,2)
math.isqrt(-1)
math.pow(0,-1)
math.floor('a')
math.sqrt('a')
math.ldexp(1.0, 10000)
math.sqrt()
math.floor(1,2)
math.floor(1.5)
math.atan2(1)
math.isclose(1,1,rel_tol=-1)
math.ldexp(1, 2.0)
math.trunc('a')
math.prod([2,3], start=2.0)
math.prod(range(1, 30))
math.fsum(1)
math.fsum([1e-16, 1, 1e16])
math.fsum([0.1]*10)
math.fsum([float('inf'), -float('inf')])
math.factorial(10**20)
math.perm(5)
math.perm(5, 2)
math.comb(5, 7)
math.comb(10**20, 2)
math.comb(50, 25)
math.comb(5, -1)
math.comb(5.0, 1)
math.dist((1,2),(3,))
math.dist((1,2),(4,6))
math.hypot(3,4)
math.hypot()
math.hypot(1e308, 1e308)
math.hypot(1, 2, 3)
math.log(2**2000)
math.log2(2**2000)
math.log10(10**400)
math.log(8, 2)
math.log(100, 10)
math.log(-2**2000)
math.gamma(0.5)
math.gamma(-1)
math.gamma(172)
math.gamma(-2.5)
math.gamma(150.5)
math.lgamma(-1)
math.lgamma(0.5)
math.lgamma(-2.5)
math.lgamma(1000.5)
math.erf(0.5)
math.erfc(0.5)
math.nextafter(1, 2)
math.ulp(1.0)
math.ulp(float('inf'))
math.remainder(5, 2)
math.remainder(7, 2)
math.remainder(1, 0)
math.fmod(1, 0)
math.fmod(-7, 3)
math.modf(-2.5)
math.frexp(0.0)
math.frexp(1e-310)
math.isqrt(10**20+1)
math.gcd()
math.gcd(-12, 18)
math.gcd(2**100, 6**50)
math.lcm(4, 6, 0)
math.lcm(-4)
math.lcm(4, 6, 10)
math.copysign(1, -0.0)
math.acosh(0.5)
math.atanh(1)
math.cosh(1000)
math.asinh(1e-300)
math.asinh(2.5), math.acosh(2.5), math.atanh(0.5)
math.exp(-1000)
math.pow(-1, 0.5)
math.pow(2, 10000)
math.pow(float('inf'), -1)
math.sqrt(2**2000)
math.ceil(2**100 + 0.5)
math.floor(-0.5)
math.floor(2**100)
math.ceil(True)
math.degrees(math.pi)
math.radians(180)
math.expm1(1e-10)
math.log1p(-1)
math.tan(1e300)
math.factorial(30)
math.factorial(100) % 10**30
math.trunc(-2.5)
math.sqrt(True)
math.ldexp(1.0, 2**70)
math.ldexp(1.0, -2**70)
math.cbrt(27)
math.exp2(10)
math.isnan(float('nan')), math.isinf(-float('inf')), math.isfinite(1e308)
math.isclose(1.0, 1.0 + 1e-10), math.isclose(1, 1.1, abs_tol=0.2), math.isclose(float('inf'), float('inf'))
math.pi, math.e, math.tau, math.inf, -math.inf
math.sin(1), math.cos(1), math.tan(1), math.asin(0.5), math.acos(0.5), math.atan(0.5), math.atan2(1, -1)
math.sinh(1), math.cosh(1), math.tanh(1), math.exp(1), math.log(10), math.log2(10), math.log10(2)
I(5), I(5) + 1, type(I(5) + 1), I('12', 8), type(I(3)), isinstance(I(3), int), I(3) == 3, hash(I(3)), str(I(4)), f'{I(4)}'
F(1.5), F(1.5) * 2, type(F('2.5')), F(2) == 2, repr(F(0.1)), math.floor(F(2.5))
C(1, 2), C(1, 2) * 2, type(C(1)), abs(C(3, 4))
int(HasInt()), int(HasIndex()), int(HasTrunc())
int(BadInt())
float(HasFloat()), float(HasIndex())
float(HasInt())
complex(HasComplex()), complex(HasFloat()), complex(HasFloat(), HasFloat())
math.floor(Floor()), math.ceil(Floor()), math.sqrt(HasFloat()), math.sqrt(HasIndex())
math.floor(HasIndex())
sorted([3, 1.5, True, 2**70, -2.5, 0]), max(1, 2.5), min(2**65, 1e20)
{1: 'a', 1.0: 'b', True: 'c'}, {2**61 - 1, 0}, {hash(2**61 - 1), hash(-(2**61 - 1))}
[x * 2 for x in range(5)], sum([0.1] * 10), sum(range(10**6)), 3 in {3.0}
(lambda x: x + 2**62)(2**62)
(2**64).__rshift__(3), (5).__rtruediv__(2), (5).__rsub__(2), (2).__rpow__(3), (7).__rmod__(20), (7).__rdivmod__(20)
(1.5).__rsub__(1), (2.0).__rpow__(3), (0.5).__rtruediv__(1), (2.5).__rfloordiv__(7), (2.5).__rmod__(7)
True & 1, True & False, False | False, type(True ^ 1), bool.__and__(True, False), 1 & True
divmod(7.5, -2), divmod(-7, 2.0), 7 // 2.0, 7 % 2.5, -7 % 2.5, 2 ** -2, 10 ** -20
0.1 + 0.2 == 0.3, 1e308 * 10, -1e308 * 10, float('nan') == float('nan'), 1e-320 / 1e10
1 < 2 < 3.5, 2**100 < 2.0**101, -2**100 > -2.0**101, 10**400 < float('inf'), -10**400 > -float('inf')
int('  -42\n'), int('0o17', 0), int('0B11', 0), int('Z', 36), int('-0', 0), float('-0'), float('1E5')
(12345).__format__(''), (1.5).__format__('.3f'), (1+1j).__format__('.1f')
round(-2.5), round(3.5), round(2.5, 0), round(-0.0), round(1e16)
(1).__round__(-1), (15).__round__(-1), (25).__round__(-1), (-15).__round__(-1), (14).__round__(-100)
(2.5).__round__(), type((2.5).__round__()), (-1.5).__trunc__(), (-1.5).__floor__(), (-1.5).__ceil__()
(5).__round__(None)
bool(), bool([]), bool(2), bool.__new__(bool, 0), int(), float(), complex()
'''

def main():
    exec(PRELUDE, globals())
    out = ["# Generated by gen_numbers.py from CPython 3.11: do not edit.", "import math", PRELUDE,
           "fails = 0", "", "def check(src, f, expected):",
           "    global fails",
           "    try:",
           "        got = repr(f())",
           "    except Exception as e:",
           "        got = type(e).__name__ + ': ' + str(e)",
           "    if got != expected:",
           "        fails += 1",
           "        print('MISMATCH', src, '| got', got, '| expected', expected)",
           ""]
    for line in CASES.strip().split("\n"):
        try:
            got = repr(eval(line))
        except Exception as e:
            got = type(e).__name__ + ": " + str(e)
        out.append(f"check({line!r}, lambda: ({line}), {got!r})")
    out += ["", "print('numbers: cases', " + str(len(CASES.strip().split(chr(10)))) + ", 'fails', fails)",
            "if fails:", "    raise SystemExit(1)"]
    with open("numbers.py", "w") as f:
        f.write("\n".join(out) + "\n")

main()
