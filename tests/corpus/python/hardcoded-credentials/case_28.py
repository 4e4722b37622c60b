import os
import paramiko
from django.http import HttpResponse


def deploy(request):
    client = paramiko.SSHClient()
    client.set_missing_host_key_policy(paramiko.RejectPolicy())
    client.load_system_host_keys()
    client.connect("deploy.internal", username="deployer", key_filename=os.environ["DEPLOY_KEY_PATH"])
    _, stdout, _ = client.exec_command("/opt/app/bin/release")
    return HttpResponse(stdout.read())
