import paramiko
from django.http import HttpResponse


def deploy(request):
    client = paramiko.SSHClient()
    client.set_missing_host_key_policy(paramiko.RejectPolicy())
    client.load_system_host_keys()
    client.connect("deploy.internal", username="deployer", password="D3pl0y-S3cret")
    _, stdout, _ = client.exec_command("/opt/app/bin/release")
    return HttpResponse(stdout.read())
