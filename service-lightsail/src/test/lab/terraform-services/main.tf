# The learner's domain in Lightsail DNS as Terraform (domains live in us-east-1), for apply / plan / destroy.
variable "endpoint" { type = string }

terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "5.100.0" }
  }
}

provider "aws" {
  region                      = "us-east-1"
  access_key                  = "test"
  secret_key                  = "test"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  endpoints {
    lightsail = var.endpoint
  }
}

resource "aws_lightsail_domain" "blog" {
  domain_name = "seed-blog.com"
}

output "domain_arn" {
  value = aws_lightsail_domain.blog.arn
}
