"""Quiz scoring: a question counts only when exactly the right answers are chosen."""

from core.learning.quiz import clean_answers, score

QUESTIONS = [
    {
        "id": "q1",
        "text": "One right",
        "multiple": False,
        "explanation": "",
        "choices": [
            {"id": "a", "text": "A", "correct": True},
            {"id": "b", "text": "B", "correct": False},
        ],
    },
    {
        "id": "q2",
        "text": "Two right",
        "multiple": True,
        "explanation": "Both A and C.",
        "choices": [
            {"id": "a", "text": "A", "correct": True},
            {"id": "b", "text": "B", "correct": False},
            {"id": "c", "text": "C", "correct": True},
        ],
    },
    {
        "id": "q3",
        "text": "Another",
        "multiple": False,
        "explanation": "",
        "choices": [
            {"id": "x", "text": "X", "correct": False},
            {"id": "y", "text": "Y", "correct": True},
        ],
    },
]


def test_all_right_scores_one_hundred_and_passes():
    result = score(QUESTIONS, {"q1": ["a"], "q2": ["a", "c"], "q3": ["y"]}, pass_mark=80)
    assert (result.correct, result.total, result.percent, result.passed) == (3, 3, 100, True)


def test_multiple_choice_needs_every_right_answer_and_no_wrong_one():
    partial = score(QUESTIONS, {"q1": ["a"], "q2": ["a"], "q3": ["y"]}, pass_mark=50)
    too_many = score(QUESTIONS, {"q1": ["a"], "q2": ["a", "b", "c"], "q3": ["y"]}, pass_mark=50)
    assert partial.correct == too_many.correct == 2


def test_percentage_rounds_down_so_two_of_three_misses_a_67_mark():
    result = score(QUESTIONS, {"q1": ["a"], "q2": ["a", "c"], "q3": ["x"]}, pass_mark=67)
    assert result.percent == 66
    assert not result.passed


def test_unanswered_questions_count_as_wrong():
    result = score(QUESTIONS, {}, pass_mark=1)
    assert result.correct == 0 and not result.passed


def test_forged_answers_are_dropped_and_several_picks_on_a_single_question_earn_nothing():
    cleaned = clean_answers(QUESTIONS, {"q1": ["a", "b"], "q2": ["a", "zzz", "c"], "nope": ["a"]})
    assert "nope" not in cleaned
    assert cleaned["q2"] == ["a", "c"]
    assert score(QUESTIONS, cleaned, pass_mark=1).results[0].is_correct is False


def test_a_single_string_answer_is_accepted():
    assert clean_answers(QUESTIONS, {"q1": "a"})["q1"] == ["a"]
