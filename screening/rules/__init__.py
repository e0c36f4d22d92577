"""The rules, one module per concern; ``engine.RULES`` lists the instances it runs."""
