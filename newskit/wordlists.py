"""Word lists newskit's rules use, kept in one place so they can be read and extended."""
from __future__ import annotations

# Site chrome: navigation and boilerplate lines that news sites and exports put around a story.
# Matched case-insensitively against whole lines at the start or end of an article.
CHROME_LINES = frozenset(
    line.lower()
    for line in (
        "All news",
        "All News",
        "News",
        "Latest news",
        "Top stories",
        "Home",
        "Menu",
        "Skip to content",
        "Skip to main content",
        "Advertisement",
        "Share",
        "Share this article",
        "Share on Facebook",
        "Share on Twitter",
        "Tweet",
        "Print",
        "Read more",
        "Read also",
        "Related articles",
        "Related stories",
        "More news",
        "Subscribe",
        "Sign in",
        "Log in",
        "Comments",
        "Back to top",
        "Close",
    )
)

# Characters that end a sentence-like line; a short body line without one is a subheading.
FINAL_PUNCTUATION = tuple(".!?:;,\"'”’»…)")
