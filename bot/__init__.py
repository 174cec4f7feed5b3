"""modbot: comment-moderation daemon for official VK/OK communities."""
