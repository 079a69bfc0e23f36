/*
 * The rules-equals-admin pool as Terraform source: an Equals rule on custom:dept gives
 * admins the Admin role. The user pool is an input (variables with defaults); the trust
 * policy is shared through a local; the admin policy uses format() and a conditional;
 * aws_iam_role_policy attaches it by the role's id.
 */

variable "user_pool_id" {
  type    = string
  default = "us-east-1_AbCdEf123"
}

variable "app_client_id" {
  default = "4example7client8id9abc0def"
}

variable "admin_bucket" {
  default = "admin-console"
}

variable "read_only_admins" {
  type    = bool
  default = true
}

data "aws_region" "current" {}
data "aws_caller_identity" "current" {}

locals {
  provider = "cognito-idp.${data.aws_region.current.name}.amazonaws.com/${var.user_pool_id}"
  cognito_trust = {
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "cognito-identity.amazonaws.com" }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals             = { "cognito-identity.amazonaws.com:aud" = aws_cognito_identity_pool.photos.id }
        "ForAnyValue:StringLike" = { "cognito-identity.amazonaws.com:amr" = "authenticated" }
      }
    }]
  }
}

resource "aws_cognito_identity_pool" "photos" {
  identity_pool_name               = "Photos"
  allow_unauthenticated_identities = true
  allow_classic_flow               = false

  cognito_identity_providers {
    client_id               = var.app_client_id
    provider_name           = local.provider
    server_side_token_check = false
  }
}

resource "aws_iam_role" "auth" {
  name               = "Auth"
  assume_role_policy = jsonencode(local.cognito_trust)
}

resource "aws_iam_role_policy" "auth_read" {
  name = "ReadPicture"
  role = aws_iam_role.auth.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Action   = ["s3:GetObject"]
      Effect   = "Allow"
      Resource = ["arn:aws:s3:::mybucket/assets/my_picture.jpg"]
    }]
  })
}

resource "aws_iam_role" "admin" {
  name               = "Admin"
  assume_role_policy = jsonencode(local.cognito_trust)
}

resource "aws_iam_role_policy" "admin_docs" {
  name = "TeamDocs"
  role = aws_iam_role.admin.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = var.read_only_admins ? "s3:GetObject" : "s3:*"
      Resource = format("arn:aws:s3:::%s/*", var.admin_bucket)
    }]
  })
}

resource "aws_cognito_identity_pool_roles_attachment" "main" {
  identity_pool_id = aws_cognito_identity_pool.photos.id

  roles = {
    authenticated = aws_iam_role.auth.arn
  }

  role_mapping {
    identity_provider         = "${local.provider}:${var.app_client_id}"
    ambiguous_role_resolution = "AuthenticatedRole"
    type                      = "Rules"

    mapping_rule {
      claim      = "custom:dept"
      match_type = "Equals"
      value      = "admin"
      role_arn   = aws_iam_role.admin.arn
    }
  }
}

resource "aws_lambda_function" "resize" {
  function_name = "resize"
  role          = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/lambda-exec"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "resize.zip"
}
