"""File › Project Settings: the site folder, the slide-name pattern, the group's rules
and the country of the public holidays."""
