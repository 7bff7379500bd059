"""The coder's workbench: ``eventcode serve``, a local web page where a person reviews and fixes the incident
coder's candidate events, report by report, in a workspace folder (:mod:`eventcode.workbench.workspace`).

The web app (:mod:`eventcode.workbench.app`) needs the ``serve`` extra: ``pip install "eventcode[serve]"``.
"""
