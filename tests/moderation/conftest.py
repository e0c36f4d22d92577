from tests.factories import CLEAN_STORY, PHONE_STORY

__all__ = ["CLEAN_STORY", "PHONE_STORY"]
