# seeded random (_random MT19937, _sha512 seeding) and the modules built on it and on re:
# statistics, fractions, decimal (_pydecimal), string, textwrap, typing
import random
random.seed(12345)
print(random.random(), random.randint(1, 100), random.choice('abcdef'), random.uniform(1, 2))
l = list(range(10)); random.shuffle(l); print(l)
print(random.sample(range(100), 5), random.randrange(0, 100, 7), random.getrandbits(100))
random.seed('hello'); print(random.random())
random.seed(b'bytes'); print(random.random())
random.seed(3.25); print(random.random())
random.seed(-77); print(random.random())
random.seed(2**200 + 12345); print(random.random())
print(random.gauss(0, 1), random.normalvariate(5, 2), random.expovariate(1.5), random.triangular())
print(random.choices('abc', weights=[1, 2, 3], k=5), random.betavariate(2, 3), random.paretovariate(2))
r = random.Random(99); s = r.getstate(); a = r.random(); r.setstate(s); print(a == r.random())
print(random.Random(5).random(), random.Random('x').random(), len(random.randbytes(7)))
class R(random.Random):
    pass
print(R(1).random(), R(1).randint(1, 6))
print(random.SystemRandom().random() < 1)
import statistics
print(statistics.mean([1, 2, 3, 4]), statistics.median([3, 1, 2]), statistics.stdev([1, 2, 3, 4]))
print(statistics.mode([1, 1, 2]), statistics.variance([1.5, 2.5, 2.5]), statistics.fmean([1, 2]))
from fractions import Fraction
print(Fraction(3, 4) + Fraction(1, 4), Fraction('1/3'), Fraction(0.5), Fraction(1, 3).limit_denominator(2))
from decimal import Decimal, getcontext
print(Decimal('1.1') + Decimal('2.2'), Decimal(1) / Decimal(7), getcontext().prec)
import string, textwrap, typing
print(string.Template('$a-$b').substitute(a=1, b=2), textwrap.fill('hello world foo bar', 10))
print(textwrap.dedent('   a\n   b'), textwrap.shorten('hello  world  again', 12))
print(typing.List[int], typing.Optional[str])
