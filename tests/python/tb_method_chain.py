# corpus: compare-stderr
# Uncaught exception raised through methods, a lambda, a comprehension and a generator.
class Account:
    def __init__(self, balance):
        self.balance = balance

    def withdraw(self, amount):
        if amount > self.balance:
            raise ValueError(f"insufficient funds: {self.balance} < {amount}")
        self.balance -= amount
        return self.balance


def gen(acct):
    for amt in (10, 20, 500):
        yield acct.withdraw(amt)


acct = Account(100)
apply = lambda xs: [x * 2 for x in xs]
print(apply([1, 2]))
print(apply(gen(acct)))
