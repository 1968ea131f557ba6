"""Members who are not online or share a computer: supported accounts, sign-in cards,
venue computers, letters, and attendance counted per person."""
