"""Reviews and ruleset changes (Qt-free): moving a draft's answers to another ruleset,
starting a review from the last finalised case, and saying what changed since last time.

``carry_over`` decides answer by answer what still holds under the new questionnaire;
``rebase_plan`` adds the figures before and after and ``ruleset diff``'s words;
``since_last_time`` separates a change that came from the person's answers from one that
came from the council's new rules. Storing these steps is in ``rasdesk.storage``.
"""
