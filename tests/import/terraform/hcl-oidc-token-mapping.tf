# An identity pool for an OIDC provider (Auth0) defined in the same file, whose role comes
# from the token (type Token, custom role ARN claim) with a deny fallback; the role's access
# policy is built from a shared base document (source_policy_documents), a statement that
# overrides one of its statements by Sid, and is attached with aws_iam_policy_attachment.

provider "aws" {
  region = "eu-west-1"
}

resource "aws_iam_openid_connect_provider" "auth0" {
  url             = "https://example.eu.auth0.com"
  client_id_list  = ["A1b2C3d4E5f6"]
  thumbprint_list = ["9e99a48a9960b14926bb7f3b02e22da2b0ab7280"]
}

resource "aws_cognito_identity_pool" "app" {
  identity_pool_name               = "app"
  allow_unauthenticated_identities = false
  openid_connect_provider_arns     = [aws_iam_openid_connect_provider.auth0.arn]
}

data "aws_iam_policy_document" "base" {
  statement {
    sid       = "Read"
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::app-data/*"]
  }
  statement {
    sid         = "NoIam"
    effect      = "Deny"
    not_actions = ["s3:*"]
    resources   = ["*"]
  }
}

data "aws_iam_policy_document" "editor" {
  source_policy_documents = [data.aws_iam_policy_document.base.json]
  statement {
    sid       = "Read"
    actions   = ["s3:GetObject", "s3:PutObject"]
    resources = ["arn:aws:s3:::app-data/*"]
  }
}

data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = ["cognito-identity.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "cognito-identity.amazonaws.com:aud"
      values   = [aws_cognito_identity_pool.app.id]
    }
  }
}

resource "aws_iam_role" "editor" {
  name               = "Editor"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}

resource "aws_iam_policy" "editor" {
  name   = "EditorAccess"
  policy = data.aws_iam_policy_document.editor.minified_json
}

resource "aws_iam_policy_attachment" "editor" {
  name       = "editor"
  roles      = [aws_iam_role.editor.name]
  policy_arn = aws_iam_policy.editor.arn
}

resource "aws_cognito_identity_pool_roles_attachment" "app" {
  identity_pool_id = aws_cognito_identity_pool.app.id
  roles = {
    authenticated = aws_iam_role.editor.arn
  }
  role_mapping {
    identity_provider         = "example.eu.auth0.com"
    type                      = "Token"
    ambiguous_role_resolution = "Deny"
  }
}
