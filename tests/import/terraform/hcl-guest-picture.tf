# The guest-reads-public-picture pool as Terraform source: an identity pool with guests,
# two roles whose trust policies come from aws_iam_policy_document data sources, an inline
# policy written with jsonencode, a managed policy in a heredoc attached to the Auth role,
# and a bucket that is not part of the pool.

terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = "us-east-1"
}

variable "bucket" {
  type    = string
  default = "mybucket"
}

locals {
  picture = "arn:aws:s3:::${var.bucket}/assets/my_picture.jpg"
  trusted = "cognito-identity.amazonaws.com"
}

resource "aws_s3_bucket" "pictures" {
  bucket = var.bucket
}

resource "aws_cognito_identity_pool" "photos" {
  identity_pool_name               = "Photos"
  allow_unauthenticated_identities = true
  allow_classic_flow               = false

  cognito_identity_providers {
    client_id               = "4example7client8id9abc0def"
    provider_name           = "cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123"
    server_side_token_check = false
  }
}

data "aws_iam_policy_document" "guest_trust" {
  statement {
    sid     = ""
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [local.trusted]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.trusted}:aud"
      values   = [aws_cognito_identity_pool.photos.id]
    }

    condition {
      test     = "ForAnyValue:StringLike"
      variable = "${local.trusted}:amr"
      values   = ["unauthenticated"]
    }
  }
}

resource "aws_iam_role" "guest" {
  name               = "Guest"
  assume_role_policy = data.aws_iam_policy_document.guest_trust.json

  inline_policy {
    name = "ReadPicture"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [
        {
          Action   = ["s3:GetObject"]
          Effect   = "Allow"
          Resource = [local.picture]
        },
      ]
    })
  }
}

resource "aws_iam_role" "auth" {
  name = "Auth"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "cognito-identity.amazonaws.com" }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = {
          "cognito-identity.amazonaws.com:aud" = aws_cognito_identity_pool.photos.id
        }
        "ForAnyValue:StringLike" = {
          "cognito-identity.amazonaws.com:amr" = "authenticated"
        }
      }
    }]
  })
}

resource "aws_iam_policy" "read_picture" {
  name   = "ReadPicture"
  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Action": ["s3:GetObject"],
          "Effect": "Allow",
          "Resource": ["${local.picture}"]
        }
      ]
    }
  EOT
}

resource "aws_iam_role_policy_attachment" "auth_read" {
  role       = aws_iam_role.auth.name
  policy_arn = aws_iam_policy.read_picture.arn
}

resource "aws_cognito_identity_pool_roles_attachment" "main" {
  identity_pool_id = aws_cognito_identity_pool.photos.id

  roles = {
    "authenticated"   = aws_iam_role.auth.arn
    "unauthenticated" = aws_iam_role.guest.arn
  }
}

output "identity_pool_id" {
  value = aws_cognito_identity_pool.photos.id
}
