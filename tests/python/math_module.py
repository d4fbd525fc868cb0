# math module
import math
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan, type(math.nan).__name__)
print(math.sqrt(16), math.sqrt(2), math.floor(-2.5), math.ceil(-2.5), math.floor(3), math.ceil(2.1), type(math.floor(2.5)).__name__, math.trunc(-3.9), math.trunc(3.9))
print(math.isnan(math.nan), math.isnan(1.0), math.isinf(math.inf), math.isinf(-math.inf), math.isinf(1e308), math.isfinite(1.0), math.isfinite(math.nan))
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(-12, 18), math.gcd(), math.gcd(12, 18, 27), math.lcm(4, 6), math.factorial(0), math.factorial(20), math.factorial(30))
print(math.log(math.e), math.log(8, 2), math.log(100, 10), math.log10(1000), math.log2(1024), math.log1p(0), math.exp(0), math.exp(1), math.exp(-1))
print(math.sin(0), math.cos(0), math.sin(math.pi / 2), math.cos(math.pi), math.tan(0), math.atan2(1, 1), math.asin(1), math.acos(1), math.atan(1))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100]), math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1), math.isclose(1, 1.05, rel_tol=0.1), math.isclose(0, 1e-10, abs_tol=1e-9))
print(math.comb(10, 3), math.comb(52, 5), math.comb(5, 7), math.perm(5, 2), math.perm(5), math.perm(3, 5), math.comb(100, 50))
print(math.copysign(3, -0.0), math.copysign(-2, 1), math.hypot(3, 4), math.hypot(1, 2, 2), math.fabs(-3), math.fmod(7, -3), math.fmod(-7, 3), 7 % -3, math.modf(3.5), math.modf(-2.25))
print(math.degrees(math.pi), math.radians(180), math.pow(2, 10), math.pow(2, 0.5), math.isqrt(17), math.isqrt(10 ** 20), math.prod([1, 2, 3, 4]), math.prod([]), math.dist((0, 0), (3, 4)))
print(math.frexp(8.0), math.ldexp(0.5, 4), math.cosh(0), math.sinh(0), math.tanh(0), math.erf(0), math.gamma(5), math.lgamma(1), math.expm1(0))
for bad in [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.log(-1), lambda: math.factorial(-1), lambda: math.acos(2), lambda: math.comb(-1, 2), lambda: math.isqrt(-1), lambda: math.fmod(1, 0)]:
    try:
        print(bad())
    except ValueError as e:
        print(type(e).__name__, e)
for bad in [lambda: math.exp(1000), lambda: math.pow(10, 400), lambda: math.factorial(1.5), lambda: math.sqrt("x"), lambda: math.gcd(1.5, 2), lambda: math.floor(math.inf)]:
    try:
        print(bad())
    except (OverflowError, TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(math.floor(1e20), math.ceil(-1e20), math.floor(2 ** 70), round(math.pi, 5), f"{math.e:.10f}", math.nan == math.nan, math.inf > 10 ** 400)
