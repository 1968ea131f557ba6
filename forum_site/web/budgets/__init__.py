"""Budgets: plain figures and pictures, withheld lines with reasons, every change recorded."""
