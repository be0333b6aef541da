"""Conversations: chat exports and phone chat databases as conversation and message items.

Importers live in ``workstation/importing/`` (``whatsapp_export``, ``telegram``,
``whatsapp_db``); this package holds the parsers they share, the time-zone handling and the read
layer (:func:`list_conversations`, :func:`list_messages`, :func:`add_excerpt`).
"""

from workstation.conversations.store import (
    AttachmentRecord,
    ConversationRecord,
    ExcerptRecord,
    MessageRecord,
    MessageSelector,
    add_excerpt,
    attachments_of,
    conversation,
    conversation_of,
    count_messages,
    find_in_conversation,
    items_with_selector,
    list_conversations,
    list_excerpts,
    list_messages,
    messages_by_id,
    selectors_of_message,
)

__all__ = [
    "AttachmentRecord",
    "ConversationRecord",
    "ExcerptRecord",
    "MessageRecord",
    "MessageSelector",
    "add_excerpt",
    "attachments_of",
    "conversation",
    "conversation_of",
    "count_messages",
    "find_in_conversation",
    "items_with_selector",
    "list_conversations",
    "list_excerpts",
    "list_messages",
    "messages_by_id",
    "selectors_of_message",
]
