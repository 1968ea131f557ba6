"""Commissioning topics: the story of one piece of commissioning round the cycle.

``core`` makes topics, moves them between stages and links meetings, briefings, budgets
and decisions to them; ``agreements`` keeps each stage's involvement agreement;
``timeline`` tells the story in date order, as the viewer may see it."""
