"""The scan's stages as plain functions (checkout, plan, agents, merge) and what they decide."""
