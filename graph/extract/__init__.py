"""Extract: one article in, what it tells out (mentions, time expressions, event mentions)."""
