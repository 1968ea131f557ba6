"""Writing and sending notifications: words from templates at read or send time, emails,
digests, reminders and letters. The web side of ``services.notifications``."""
