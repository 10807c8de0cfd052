"""Evaluation against gold files: ``dateline eval {time,quotes,events} --gold FILE``.

Each task module (``time``, ``quotes``, ``events``) exposes
``evaluate(gold: Path, options: EvalOptions) -> Report``; the metrics follow
DESIGN.md section 5 so that scores are comparable with published ones.
"""
