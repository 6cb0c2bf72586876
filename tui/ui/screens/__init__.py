"""The app's screens: library, reader, help and the small dialogs."""
