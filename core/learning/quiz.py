"""Scoring a quiz attempt: pure functions over the quiz as plain data (quiz_questions())."""

from dataclasses import dataclass


@dataclass(frozen=True)
class QuestionResult:
    question_id: str
    text: str
    chosen: tuple[str, ...]
    correct_choices: tuple[str, ...]
    is_correct: bool
    explanation: str


@dataclass(frozen=True)
class Score:
    correct: int
    total: int
    percent: int
    passed: bool
    results: tuple[QuestionResult, ...]


def clean_answers(questions: list[dict], raw: dict) -> dict[str, list[str]]:
    """Keep only answers to real questions with real choices; a single-answer question keeps
    at most one choice (a crafted form sending several earns nothing)."""
    cleaned: dict[str, list[str]] = {}
    for question in questions:
        valid = {choice["id"] for choice in question["choices"]}
        picked = raw.get(question["id"]) or []
        if isinstance(picked, str):
            picked = [picked]
        chosen = sorted({str(c) for c in picked if str(c) in valid})
        if not question["multiple"] and len(chosen) > 1:
            chosen = ["__invalid__"]
        cleaned[question["id"]] = chosen
    return cleaned


def score(questions: list[dict], answers: dict[str, list[str]], pass_mark: int) -> Score:
    """A question counts when exactly the right choices are picked, no more and no fewer.
    The percentage rounds down, so 79.9% never passes an 80% mark."""
    results = []
    for question in questions:
        right = tuple(sorted(c["id"] for c in question["choices"] if c["correct"]))
        chosen = tuple(sorted(answers.get(question["id"], [])))
        results.append(
            QuestionResult(
                question_id=question["id"],
                text=question["text"],
                chosen=chosen,
                correct_choices=right,
                is_correct=bool(chosen) and chosen == right,
                explanation=question["explanation"],
            )
        )
    total = len(results)
    correct = sum(1 for r in results if r.is_correct)
    percent = (correct * 100) // total if total else 100
    return Score(correct, total, percent, percent >= pass_mark, tuple(results))
