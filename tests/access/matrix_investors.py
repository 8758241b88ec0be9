"""Access matrix rows of investor relations, and of the requester ticket screens the investor
and partner portals mount from core/tickets/requester.py. Format and kinds: see matrix.py.

Demo records used: Wulan's information request in the Investor relations queue (Dewi, also an
investor, does not see it).
"""

from django.urls import reverse

TABLE = """
# pattern                           sample           anon  cust  cadm  ocus  part  opar  empl  agnt  chmg  irof  edit  inv   multi none
# --- investor portal: information requests (shared requester screens, queue Investor relations) --------------------------------------
investor:tickets                    -                login deny  deny  deny  deny  deny  deny  deny  deny  deny  deny  ok    ok    deny
investor:ticket-new                 -                login deny  deny  deny  deny  deny  deny  deny  deny  deny  deny  ok    ok    deny
investor:ticket-suggestions         -                login deny  deny  deny  deny  deny  deny  deny  deny  deny  deny  ok    ok    deny
investor:ticket-detail              wulan            login deny  deny  deny  deny  deny  deny  deny  deny  deny  deny  ok    404   deny
investor:ticket-detail              siti             login deny  deny  deny  deny  deny  deny  deny  deny  deny  deny  404   404   deny
investor:ticket-reply               wulan            login deny  deny  deny  deny  deny  deny  deny  deny  deny  deny  405   405   deny
investor:ticket-status              wulan            login deny  deny  deny  deny  deny  deny  deny  deny  deny  deny  405   405   deny
investor:ticket-rate                wulan            login deny  deny  deny  deny  deny  deny  deny  deny  deny  deny  405   405   deny
investor:ticket-file                unknown          login deny  deny  deny  deny  deny  deny  deny  deny  deny  deny  404   404   deny
# --- partner portal: support (shared requester screens, queue Partner desk) ----------------------------------------------------------
partner:tickets                     -                login deny  deny  deny  ok    ok    deny  deny  deny  deny  deny  deny  ok    deny
partner:ticket-new                  -                login deny  deny  deny  ok    ok    deny  deny  deny  deny  deny  deny  ok    deny
partner:ticket-suggestions          -                login deny  deny  deny  ok    ok    deny  deny  deny  deny  deny  deny  ok    deny
partner:ticket-detail               siti             login deny  deny  deny  404   404   deny  deny  deny  deny  deny  deny  404   deny
partner:ticket-reply                siti             login deny  deny  deny  405   405   deny  deny  deny  deny  deny  deny  405   deny
partner:ticket-status               siti             login deny  deny  deny  405   405   deny  deny  deny  deny  deny  deny  405   deny
partner:ticket-rate                 siti             login deny  deny  deny  405   405   deny  deny  deny  deny  deny  deny  405   deny
partner:ticket-file                 siti-file        login deny  deny  deny  404   404   deny  deny  deny  deny  deny  deny  404   deny
"""


def _ticket(url_name, key):
    return lambda world: reverse(url_name, args=[world.objects[key].reference])


def _siti_file(url_name):
    def build(world):
        attachment = world.objects["tickets:siti-file"]
        return reverse(url_name, args=[attachment.ticket.reference, attachment.pk])

    return build


SAMPLES = {
    ("investor:ticket-detail", "wulan"): _ticket(
        "investor:ticket-detail", "investors:wulan-request"
    ),
    ("investor:ticket-detail", "siti"): _ticket("investor:ticket-detail", "tickets:siti"),
    ("investor:ticket-reply", "wulan"): _ticket("investor:ticket-reply", "investors:wulan-request"),
    ("investor:ticket-status", "wulan"): _ticket(
        "investor:ticket-status", "investors:wulan-request"
    ),
    ("investor:ticket-rate", "wulan"): _ticket("investor:ticket-rate", "investors:wulan-request"),
    ("investor:ticket-file", "unknown"): lambda world: reverse(
        "investor:ticket-file", args=["TCK-999999", 999999]
    ),
    ("partner:ticket-detail", "siti"): _ticket("partner:ticket-detail", "tickets:siti"),
    ("partner:ticket-reply", "siti"): _ticket("partner:ticket-reply", "tickets:siti"),
    ("partner:ticket-status", "siti"): _ticket("partner:ticket-status", "tickets:siti"),
    ("partner:ticket-rate", "siti"): _ticket("partner:ticket-rate", "tickets:siti"),
    ("partner:ticket-file", "siti-file"): _siti_file("partner:ticket-file"),
}
