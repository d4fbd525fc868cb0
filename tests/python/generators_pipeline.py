# generator pipelines and lazy evaluation
def numbers():
    n = 0
    while True:
        print("produce", n) if n < 3 else None
        yield n
        n += 1
def evens(src):
    for v in src:
        if v % 2 == 0:
            yield v
def squares(src):
    for v in src:
        yield v * v
def take(n, src):
    for i, v in enumerate(src):
        if i >= n:
            return
        yield v
print(list(take(5, squares(evens(numbers())))))
pipe = (x * 3 for x in range(10) if x % 3)
pipe2 = (y + 1 for y in pipe)
print(next(pipe2), list(pipe2))
def chunks(seq, n):
    it = iter(seq)
    while True:
        chunk = []
        for _ in range(n):
            try:
                chunk.append(next(it))
            except StopIteration:
                if chunk:
                    yield chunk
                return
        yield chunk
print(list(chunks(range(10), 3)), list(chunks([], 2)))
def running_avg():
    total, count, avg = 0.0, 0, None
    while True:
        v = yield avg
        total += v
        count += 1
        avg = total / count
ra = running_avg(); next(ra)
print([ra.send(v) for v in [10, 20, 30, 40]])
def interleave(*gens):
    gens = [iter(g) for g in gens]
    while gens:
        for g in list(gens):
            try:
                yield next(g)
            except StopIteration:
                gens.remove(g)
print(list(interleave("abc", [1, 2], (True,))))
def lazy_log():
    print("generator body starts only on first next()")
    yield 1
lg = lazy_log()
print("created")
print(next(lg))
gen_state = (i for i in range(3))
print(gen_state.gi_running if hasattr(gen_state, "gi_running") else False, list(gen_state))
def gen_with_return():
    yield 1
    return "ret"
def collect():
    r = yield from gen_with_return()
    yield r
print(list(collect()))
def tee_gen(src):
    for v in src:
        yield v, v
print(dict(tee_gen("ab")), sorted(set(v for v, _ in tee_gen([3, 1, 3]))))
