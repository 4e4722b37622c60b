import paramiko
from paramiko import AutoAddPolicy, RejectPolicy
from paramiko import client as ssh


def connect(host):
    session = paramiko.SSHClient()
    # ruleid: tls/python-ssh-host-key-unverified
    session.set_missing_host_key_policy(paramiko.AutoAddPolicy())
    # ruleid: tls/python-ssh-host-key-unverified
    session.set_missing_host_key_policy(AutoAddPolicy)
    other = ssh.SSHClient()
    # ruleid: tls/python-ssh-host-key-unverified
    other.set_missing_host_key_policy(ssh.WarningPolicy())
    # ok: tls/python-ssh-host-key-unverified
    other.set_missing_host_key_policy(RejectPolicy())
    other.load_system_host_keys()
    # ok: tls/python-ssh-host-key-unverified
    session.set_missing_host_key_policy(paramiko.RejectPolicy)
    session.connect(host, username="monitor")
    return session
