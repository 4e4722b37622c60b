import { S3Client } from "@aws-sdk/client-s3";

// ruleid: credentials/js-hardcoded-secret
const githubToken: string = "ghp_a1B2c3D4e5F6g7H8i9J0kLmNoPqRsTuV";

export const s3 = new S3Client({
  region: "eu-west-1",
  credentials: {
    accessKeyId: "AKIAIOSFODNN7EXAMPLE",
    // ruleid: credentials/js-hardcoded-secret
    secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
  },
});

export class ApiClient {
  // ruleid: credentials/js-hardcoded-secret
  private readonly apiKey = "4f9a2c7e1b8d";
  // ok: credentials/js-hardcoded-secret
  private readonly clientSecret = process.env.CLIENT_SECRET ?? "";
  // ok: credentials/js-hardcoded-secret
  private tokenEndpoint = "https://auth.example.com/oauth/token";

  login(password: string): string {
    // ok: credentials/js-hardcoded-secret
    const passwordHint = "At least 12 characters";
    // ruleid: credentials/js-hardcoded-secret
    this.session.secret = "s3ss10n-k3y";
    return githubToken + password + passwordHint + this.apiKey + this.clientSecret;
  }
}
