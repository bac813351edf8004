# The learner's domain in Lightsail DNS with a record (domains live in us-east-1), a load balancer and a bucket, as
# Terraform, for apply / plan / destroy.
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

resource "aws_lightsail_domain_entry" "www" {
  domain_name = aws_lightsail_domain.blog.domain_name
  name        = "www"
  type        = "A"
  target      = "203.0.113.10"
}

resource "aws_lightsail_lb" "web" {
  name              = "seed-lb"
  health_check_path = "/"
  instance_port     = 80
  tags = {
    course = "django"
  }
}

resource "aws_lightsail_bucket" "media" {
  name      = "seed-blog-media"
  bundle_id = "small_1_0"
}

output "domain_arn" {
  value = aws_lightsail_domain.blog.arn
}
