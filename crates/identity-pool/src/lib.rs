//! The Amazon Cognito identity pool, simulated on top of [`iam_policy`].
