resource "aws_iam_role" "auth" {
  name = "Auth
  assume_role_policy = "{}"
}
