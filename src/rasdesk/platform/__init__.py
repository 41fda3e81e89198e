"""Where rasdesk lives on a machine: paths (platformdirs; RASDESK_HOME overrides all),
the trust store, secrets (keyring), settings and administrator policy, logging.
"""
