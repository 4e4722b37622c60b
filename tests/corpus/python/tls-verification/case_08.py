import paramiko
from django.http import HttpResponse


def uptime(request):
    client = paramiko.SSHClient()
    client.load_host_keys("/etc/monitor/known_hosts")
    client.set_missing_host_key_policy(paramiko.RejectPolicy())
    client.connect("app1.internal", username="monitor", key_filename="/etc/monitor/id_ed25519")
    _, out, _ = client.exec_command("uptime")
    return HttpResponse(out.read())
