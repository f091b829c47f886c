//! A discussion's subject (a need or a dialogue), resolved in one place:
//! who may read it, its network's guard, and whether it is frozen.
