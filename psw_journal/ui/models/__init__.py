"""Qt item models over core objects, for the app's lists and trees."""
