from sharing.admin_queues import register_queue

from .viewsets import comment_queue_viewset

register_queue(comment_queue_viewset)
