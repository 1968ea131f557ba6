"""The words the do-no-harm guard (easyread/guard.py) sorts sentences by: determiners,
prepositions, words that are more often nouns, past forms that describe a noun, and the
like. Written by the forum-site team."""

from __future__ import annotations

from easyread.verbs import word_set

_RELATIVES = word_set("who which that whom whose")

_ADVERBS = word_set(
    "still also often always never now only usually already just then sometimes rarely "
    "really all both each mostly mainly generally currently jointly"
)

_DETERMINERS = word_set(
    "a an the this that these those our their its his her your my some any each every "
    "no many most all few several such"
)

_PREPOSITIONS = word_set(
    "of to for from with without by in on at as into than about over under after before "
    "during through across against within between among per via like including"
)

_DEMONSTRATIVES = word_set("this that these those")

_QUANTIFIERS = word_set("some many most all few others both none several")

_OBJECTS = word_set("to for on with us you them him her it me up out about in")

# Plain forms that are verbs more often than nouns after a plural: "people still need help".
_NOUN_LIKE_VERBS_FIRST = word_set("need work lead walk wash vote visit return claim share")

# Words that come before a noun, not a verb: "the next steps", "further reports".
_NOUN_MODIFIERS = word_set(
    "next last first other new same further main key proposed current "
    "quarterly annual monthly weekly daily yearly"
)

# Plain verbs that are nouns more often than not in council prose ("a social care record").
_NOUN_LIKE = word_set(
    "care support fund plan cost budget record review report need change place rate work "
    "service end start charge house staff share claim score design list file form head "
    "post price rest result return sort state study target test trade type value visit "
    "vote lead book label matter point question register request transfer walk wash"
)

# Past forms that are nearly always done *to* something: right before a preposition, with
# no object between, they describe the noun before them ("the money allocated to day
# services", "the growth built into the plan"); a sentence needs another verb as well.
_DONE_TO = word_set(
    "allocated approved based built commissioned delivered described designed funded "
    "identified included intended linked listed outlined owned planned provided received "
    "reported required set spent targeted"
)

_AFTER_A_PARTICIPLE = word_set("into in on by from for to under within through out across")

_JOINING = word_set("but yet")  # not "and": "A commissioner plans and pays for services"

_AFTER_MEANS = word_set("if who what how when where why whether good bad more less extra")

_OBJECT_STARTS = word_set("little much more less no a an the its their our us them it")

_SINGULAR_DETERMINERS = word_set("a an each every")

_AFTER_A_VERB = word_set(
    "at on in to for with up out into about from the a an their its our his her them it him"
)

_WH = word_set("what how why where whether when which")

_REPORTING_BASES = word_set(
    "recommend propose agree say find show suggest expect believe know hope feel report "
    "decide ask note mean ensure confirm think estimate accept"
)
