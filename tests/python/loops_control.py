# for/while with else, break, continue, nested loops
for i in range(3):
    print("for", i)
else:
    print("for-else runs (no break)")
for i in range(5):
    if i == 2:
        break
else:
    print("not printed")
print("broke at", i)
n = 0
while n < 3:
    n += 1
else:
    print("while-else", n)
while True:
    n -= 1
    if n == 1:
        continue
    if n < -1:
        break
    print("while", n)
for i in range(3):
    for j in range(3):
        if j == 2:
            break
        if i == j:
            continue
        print("pair", i, j)
found = None
for x in [4, 9, 15, 22]:
    if x % 5 == 0:
        found = x
        break
else:
    found = "none"
print("found", found)
for ch in "":
    print("never")
else:
    print("empty for-else")
total = 0
for i in range(100):
    if i % 2:
        continue
    if i > 20:
        break
    total += i
print(total)
items = [1, 2, 3]
for it in items:
    if it == 1:
        items.append(4)
print(items)
i = 0
while i < 10:
    i += 3
print(i)
for i, (a, b) in enumerate(zip("ab", "cd")):
    print(i, a, b)
def first_neg(nums):
    for v in nums:
        if v < 0:
            return v
    return None
print(first_neg([3, -1, -5]), first_neg([]))
x = 10
for x in range(3):
    pass
print(x)
count = 0
for _ in range(1000):
    for _ in range(10):
        count += 1
print(count)
